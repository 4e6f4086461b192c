import { IsEmail, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NameField } from '../../graphql/fields';
import { Region } from '../organizations/organization.entity';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth.api';

@InputType({ description: 'A new account and its first organization.' })
export class RegisterInput {
  @Field(() => String, { description: 'Compared case-insensitively and stored lowercase; at most 254 characters. Taken: CONFLICT.' })
  @IsEmail({}, { message: 'Must be an email address.' })
  @MaxLength(320)
  email: string;

  @NameField({ description: 'Display name, 1 to 100 characters.' })
  name: string;

  @Field(() => String, { description: '10 to 256 characters.' })
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `Must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` })
  password: string;

  @NameField({ nullable: true, description: `Defaults to "<name>'s organization".` })
  organizationName?: string | null;

  @Field(() => Region, { nullable: true, description: 'Defaults to the server\'s DEFAULT_REGION.' })
  region?: Region | null;
}

@InputType({ description: 'Credentials to sign in with.' })
export class LoginInput {
  @Field(() => String, { description: "The account's email, in any case." })
  email: string;

  @Field(() => String, { description: "The account's password." })
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
