import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { Extensions, Field } from 'type-graphql';
import { VERBATIM } from './text-inputs';
import { TrimmedLength } from './validators';

interface FieldText {
  description?: string;
}

/** A name input (users, organizations, teams, projects, roles): 1 to 100 characters after trimming. */
export function NameField(options: FieldText & { nullable?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    Field(() => String, options)(target, key);
    if (options.nullable) IsOptional()(target, key);
    TrimmedLength(1, 100)(target, key);
  };
}

/** An optional free text (descriptions, invitation notes): at most 1,000 characters. */
export function TextField(options: FieldText = {}): PropertyDecorator {
  return (target, key) => {
    Field(() => String, { ...options, nullable: true })(target, key);
    IsOptional()(target, key);
    MaxLength(1000)(target, key);
  };
}

/** At most 254 characters (RFC 5321's path limit), everywhere an email address is taken. */
export const EMAIL_MAX = 254;

/** An email address input: compared case-insensitively and stored lowercase by the services. */
export function EmailField(options: FieldText & { nullable?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    Field(() => String, options)(target, key);
    if (options.nullable) IsOptional()(target, key);
    IsEmail({}, { message: 'Must be an email address.' })(target, key);
    MaxLength(EMAIL_MAX, { message: `At most ${EMAIL_MAX} characters.` })(target, key);
  };
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** A password: a secret taken as sent, byte for byte (the text rules do not apply), of 10 to 256 characters. */
export function PasswordField(options: FieldText & { nullable?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    Field(() => String, options)(target, key);
    Extensions(VERBATIM)(target, key);
    if (options.nullable) IsOptional()(target, key);
    Length(PASSWORD_MIN, PASSWORD_MAX, { message: `Must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` })(target, key);
  };
}
