import { ValidateBy, type ValidationOptions } from 'class-validator';

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
