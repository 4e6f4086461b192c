import { validate, ValidateBy, type ValidationError, type ValidationOptions } from 'class-validator';
import { BadUserInputError, type FieldError } from '../common/errors';

/** How every input is validated (type-graphql's `validate` option, and validateInput). */
export const VALIDATION_OPTIONS = { forbidUnknownValues: false, stopAtFirstError: false } as const;

/** class-validator's refusals as the input fields they name (CONTRACT.md: `extensions.fields`). */
export function validationFields(errors: ValidationError[]): FieldError[] {
  return errors.flatMap((e) => {
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message }));
    return [...own, ...validationFields(e.children ?? [])];
  });
}

/**
 * Checks an input object by its declared rules, as type-graphql does for a mutation's
 * argument (the same decorators, the same options), for inputs checked one part at a time
 * (each row of inviteMembers); BAD_USER_INPUT naming the fields.
 */
export async function validateInput(input: object): Promise<void> {
  const errors = await validate(input, VALIDATION_OPTIONS);
  if (errors.length > 0) throw new BadUserInputError(validationFields(errors));
}

/** A string of `min` to `max` characters once trimmed (names of users, organizations, teams, projects, roles). */
export function TrimmedLength(min: number, max: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'trimmedLength',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.trim().length >= min && value.trim().length <= max,
        defaultMessage: () => `Must be ${min} to ${max} characters after trimming.`,
      },
    },
    options,
  );
}

/** A check given as a pure function returning the problem, or null when the value is fine. */
export function Satisfies(problem: (value: unknown) => string | null, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'satisfies',
      validator: {
        validate: (value: unknown) => value === null || value === undefined || problem(value) === null,
        defaultMessage: (args) => problem(args?.value) ?? 'Invalid value.',
      },
    },
    options,
  );
}
