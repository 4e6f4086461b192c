import { IsEmail, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NameField } from '../../graphql/fields';
import { Region } from '../organizations/organization.entity';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth.api';

@InputType()
export class RegisterInput {
  @Field(() => String)
  @IsEmail({}, { message: 'Must be an email address.' })
  @MaxLength(320)
  email: string;

  @NameField()
  name: string;

  @Field(() => String)
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `Must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` })
  password: string;

  @NameField({ nullable: true, description: `Defaults to "<name>'s organization".` })
  organizationName?: string | null;

  @Field(() => Region, { nullable: true, description: 'Defaults to the server\'s DEFAULT_REGION.' })
  region?: Region | null;
}

@InputType()
export class LoginInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
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
