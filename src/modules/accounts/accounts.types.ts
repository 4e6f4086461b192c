import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../auth/user.entity';

export enum EmailVerificationKind {
  ACCOUNT = 'ACCOUNT',
  NOTIFICATION_MAILBOX = 'NOTIFICATION_MAILBOX',
}
registerEnumType(EmailVerificationKind, {
  name: 'EmailVerificationKind',
  description: 'Which address a verification link proved.',
  valuesConfig: {
    ACCOUNT: { description: "An account's email address (User.emailVerified)." },
    NOTIFICATION_MAILBOX: { description: "An organization's notification mailbox (Organization.notificationEmailVerified)." },
  },
});

@ObjectType({ description: 'The result of requestEmailVerification.' })
export class RequestEmailVerificationPayload {
  @Field(() => Boolean, { description: 'True when a new link was mailed (earlier links are GONE from now on); false when the email is already verified.' })
  sent: boolean;
}

@ObjectType({ description: 'The address a verification link proved.' })
export class VerifyEmailPayload {
  @Field(() => String, { description: 'The verified address.' })
  email: string;

  @Field(() => EmailVerificationKind, { description: "Whether it is an account's email or a notification mailbox." })
  kind: EmailVerificationKind;
}

@ObjectType({ description: 'The result of requestPasswordReset: the same whether or not the email has an account.' })
export class RequestPasswordResetPayload {
  @Field(() => Boolean, { description: 'Always true: if the email has an account, a reset link (valid 1 hour) is on its way.' })
  accepted: boolean;
}

@ObjectType({ description: 'The result of changePassword.' })
export class ChangePasswordPayload {
  @Field(() => User, { description: 'The viewer, whose other sessions have ended.' })
  user: User;
}

@ObjectType({ description: 'The result of changeEmail: the address waits for its confirmation link.' })
export class ChangeEmailPayload {
  @Field(() => String, { description: 'The new address, which becomes the account’s once confirmEmailChange takes its link (valid 24 hours).' })
  pendingEmail: string;
}

@ObjectType({ description: 'The result of confirmEmailChange.' })
export class ConfirmEmailChangePayload {
  @Field(() => String, { description: "The account's email address now (verified)." })
  email: string;
}
