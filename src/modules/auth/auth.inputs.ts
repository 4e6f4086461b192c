import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { TrimmedLength } from '../../graphql/validators';
import { Region } from '../organizations/organization.entity';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

@InputType()
export class RegisterInput {
  @Field(() => String)
  @IsEmail({}, { message: 'Must be an email address.' })
  @MaxLength(320)
  email: string;

  @Field(() => String)
  @TrimmedLength(1, 100)
  name: string;

  @Field(() => String)
  @Length(PASSWORD_MIN, PASSWORD_MAX, { message: `Must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` })
  password: string;

  @Field(() => String, { nullable: true, description: `Defaults to "<name>'s organization".` })
  @IsOptional()
  @TrimmedLength(1, 100)
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
