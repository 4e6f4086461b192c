import { MaxLength } from 'class-validator';
import { Extensions, Field, InputType } from 'type-graphql';
import { EmailField, PASSWORD_MAX, PasswordField } from '../../graphql/fields';
import { VERBATIM } from '../../graphql/text-inputs';

const TOKEN_DESCRIPTION = 'The token of the emailed link (its `token` query parameter).';

@InputType({ description: 'A verification link to use: an account email or a notification mailbox.' })
export class VerifyEmailInput {
  @Field(() => String, { description: TOKEN_DESCRIPTION })
  token: string;
}

@InputType({ description: 'Whose password to reset.' })
export class RequestPasswordResetInput {
  @EmailField({ description: "The account's email, in any case; at most 254 characters. The answer is the same whether or not it has an account." })
  email: string;
}

@InputType({ description: 'A password reset link and the new password.' })
export class ResetPasswordInput {
  @Field(() => String, { description: TOKEN_DESCRIPTION })
  token: string;

  @PasswordField({ description: 'The new password, 10 to 256 characters.' })
  password: string;
}

@InputType({ description: 'The current password and the new one.' })
export class ChangePasswordInput {
  // Any length up to the maximum: a wrong one is simply wrong (BAD_USER_INPUT on currentPassword).
  @Field(() => String, { description: 'The current password; a wrong one counts as a failed login.' })
  @Extensions(VERBATIM)
  @MaxLength(PASSWORD_MAX, { message: `At most ${PASSWORD_MAX} characters.` })
  currentPassword: string;

  @PasswordField({ description: 'The new password, 10 to 256 characters.' })
  newPassword: string;
}

@InputType({ description: 'The new email address, confirmed by the current password.' })
export class ChangeEmailInput {
  @EmailField({ description: 'Compared case-insensitively and stored lowercase; at most 254 characters. Taken: CONFLICT.' })
  newEmail: string;

  @Field(() => String, { description: 'The current password; a wrong one counts as a failed login.' })
  @Extensions(VERBATIM)
  @MaxLength(PASSWORD_MAX, { message: `At most ${PASSWORD_MAX} characters.` })
  currentPassword: string;
}

@InputType({ description: 'An email change link to use.' })
export class ConfirmEmailChangeInput {
  @Field(() => String, { description: TOKEN_DESCRIPTION })
  token: string;
}
