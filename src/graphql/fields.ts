import { IsOptional, MaxLength } from 'class-validator';
import { Field } from 'type-graphql';
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
