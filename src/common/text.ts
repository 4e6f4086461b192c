import { BadUserInputError } from './errors';

/** Trims a name, and turns an empty optional text into null. */
export const trimmed = (value: string) => value.trim();
export const optionalText = (value: string | null | undefined) => {
  if (value === undefined) return undefined;
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
};
export const normalizeEmail = (value: string) => value.trim().toLowerCase();

/** The longest search string a list takes (an email's length, with room). */
export const MAX_SEARCH_LENGTH = 320;

/** A list's `search` argument: trimmed, null when empty, BAD_USER_INPUT when too long. */
export function searchTerm(search: string | null | undefined): string | null {
  const term = search?.trim();
  if (!term) return null;
  if (term.length > MAX_SEARCH_LENGTH) throw BadUserInputError.field('search', `At most ${MAX_SEARCH_LENGTH} characters.`);
  return term;
}

/** `%text%` for ILIKE ... ESCAPE '\\', with the pattern characters of `text` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
