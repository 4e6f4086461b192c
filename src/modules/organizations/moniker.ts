/** Moniker rules (CONTRACT.md, Organizations): pure, so inputs and derivation share them. */
export const MONIKER_MIN = 3;
export const MONIKER_MAX = 39;
const MONIKER_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const RESERVED_MONIKERS: ReadonlySet<string> = new Set([
  'admin',
  'api',
  'assets',
  'graphql',
  'healthz',
  'help',
  'invitations',
  'login',
  'logout',
  'new',
  'organizations',
  'readyz',
  'register',
  'settings',
  'static',
  'support',
  'www',
  'auth',
  'billing',
  'docs',
  'status',
  'system',
  'root',
  'orgraph',
  // The pages behind email links (src/http/pages) and their stylesheet.
  'pages',
  'verify-email',
  'reset-password',
  'confirm-email',
]);

export function monikerProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'Must be a string.';
  if (value.length < MONIKER_MIN || value.length > MONIKER_MAX) return `Must be ${MONIKER_MIN} to ${MONIKER_MAX} characters.`;
  if (!MONIKER_PATTERN.test(value)) return 'Only lowercase letters, digits and single hyphens, not at the start or end.';
  if (RESERVED_MONIKERS.has(value)) return 'This moniker is reserved.';
  return null;
}

/** Candidates derived from a name: the slug, then the slug with -2, -3, … (always valid monikers). */
export function* monikerCandidates(name: string): Generator<string> {
  let slug = name
    .replace(/['’]/g, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MONIKER_MAX - 4)
    .replace(/-+$/, '');
  if (slug.length < MONIKER_MIN) slug = `org-${slug || 'x'}`.replace(/-+$/, '');
  if (!RESERVED_MONIKERS.has(slug)) yield slug;
  for (let n = 2; ; n += 1) yield `${slug}-${n}`;
}
