/** Trims a name, and turns an empty optional text into null. */
export const trimmed = (value: string) => value.trim();
export const optionalText = (value: string | null | undefined) => {
  if (value === undefined) return undefined;
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
};
export const normalizeEmail = (value: string) => value.trim().toLowerCase();
