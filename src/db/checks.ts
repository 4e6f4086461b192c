/**
 * A CHECK constraint's expression that admits exactly an enum's values, so a role or status is
 * listed once, in its enum, and the database refuses anything else.
 */
export function columnIsOneOf(column: string, values: Record<string, string>): string {
  const literals = Object.values(values).map((value) => `'${value.replace(/'/g, "''")}'`);
  return `${column} IN (${literals.join(', ')})`;
}
