import { MaxLength } from 'class-validator';
import { Extensions, Field, ID, InputType } from 'type-graphql';
import { EmailField, NameField, PASSWORD_MAX, PasswordField } from '../../graphql/fields';
import { VERBATIM } from '../../graphql/text-inputs';
import { Region } from '../organizations/organization.entity';

@InputType()
export class RegisterInput {
  @EmailField()
  email: string;

  @NameField()
  name: string;

  @PasswordField()
  password: string;

  @NameField({ nullable: true, description: `Defaults to "<name>'s organization".` })
  organizationName?: string | null;

  @Field(() => Region, { nullable: true, description: 'Defaults to the server\'s DEFAULT_REGION.' })
  region?: Region | null;
}

@InputType()
export class LoginInput {
  @EmailField()
  email: string;

  // Any length up to the maximum: a password too short to be anyone's is simply a failed login.
  @Field(() => String)
  @Extensions(VERBATIM)
  @MaxLength(PASSWORD_MAX, { message: `At most ${PASSWORD_MAX} characters.` })
  password: string;
}

@InputType()
export class LogoutInput {
  @Field(() => Boolean, { nullable: true, description: "End every one of the user's sessions, not only this one." })
  allSessions?: boolean | null;
}

@InputType()
export class SwitchOrganizationInput {
  @Field(() => ID)
  organizationId: string;
}
