/** ISO 3166-1 alpha-2 codes, as Node's ICU knows them (officially assigned regions only). */
const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'XA', 'XB', 'QO', 'ZZ', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA', 'XK']);

export function countryProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !/^[A-Za-z]{2}$/.test(value)) return 'Must be an ISO 3166-1 alpha-2 code.';
  const code = value.toUpperCase();
  return !NOT_COUNTRIES.has(code) && display.of(code) ? null : 'Unknown ISO 3166-1 alpha-2 code.';
}
