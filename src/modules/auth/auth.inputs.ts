import { MaxLength } from 'class-validator';
import { Extensions, Field, ID, InputType } from 'type-graphql';
import { EmailField, NameField, PASSWORD_MAX, PasswordField } from '../../graphql/fields';
import { VERBATIM } from '../../graphql/text-inputs';
import { Region } from '../organizations/organization.entity';

@InputType({ description: 'A new account and its first organization.' })
export class RegisterInput {
  @EmailField({ description: 'Compared case-insensitively and stored lowercase; at most 254 characters. Taken: CONFLICT.' })
  email: string;

  @NameField({ description: 'Display name, 1 to 100 characters.' })
  name: string;

  @PasswordField({ description: '10 to 256 characters.' })
  password: string;

  @NameField({ nullable: true, description: `Defaults to "<name>'s organization".` })
  organizationName?: string | null;

  @Field(() => Region, { nullable: true, description: "Defaults to the server's DEFAULT_REGION." })
  region?: Region | null;
}

@InputType({ description: 'Credentials to sign in with.' })
export class LoginInput {
  @EmailField({ description: "The account's email, in any case; at most 254 characters." })
  email: string;

  // Any length up to the maximum: a password too short to be anyone's is simply a failed login.
  @Field(() => String, { description: "The account's password." })
  @Extensions(VERBATIM)
  @MaxLength(PASSWORD_MAX, { message: `At most ${PASSWORD_MAX} characters.` })
  password: string;
}

@InputType({ description: 'Which sessions logout ends.' })
export class LogoutInput {
  @Field(() => Boolean, { nullable: true, description: "End every one of the user's sessions, not only this one." })
  allSessions?: boolean | null;
}

@InputType({ description: "The organization to make the viewer's active one." })
export class SwitchOrganizationInput {
  @Field(() => ID, { description: 'An organization the viewer belongs to.' })
  organizationId: string;
}

@InputType({ description: 'The session to end.' })
export class RevokeSessionInput {
  @Field(() => ID, { description: "One of the viewer's sessions (viewer.sessions)." })
  sessionId: string;
}
