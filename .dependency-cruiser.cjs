/**
 * The house rules of ARCHITECTURE.md, checked by dependency-cruiser (`npm run depcheck`, in CI).
 * MODULE_ORDER is the order of `modules` in src/app/modules.ts, bottom to top: a module may
 * import only modules before it, and of those only their public files.
 */
const MODULE_ORDER = [
  'mail',
  'organizations',
  'auth',
  'audit',
  'members',
  'teams',
  'roles',
  'projects',
  'reinstatement',
  'invitations',
  'admin',
  'access-tokens',
  'webhooks',
  'events',
];

const TOOLKIT = '^src/(common|db|graphql|authz|http|config)/';
const PUBLIC_FILE = '[.](entity|types|api)[.]ts$';

/** For each module, importing any module after it in the order is forbidden. */
const upwardImports = MODULE_ORDER.slice(0, -1).map((name, index) => ({
  name: `no-upward-import-from-${name}`,
  comment: `${name} is below ${MODULE_ORDER.slice(index + 1).join(', ')}: it reaches them only through a port its .api.ts declares and the root wires.`,
  severity: 'error',
  from: { path: `^src/modules/${name}/` },
  to: { path: `^src/modules/(${MODULE_ORDER.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Every import points one way.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'toolkit-imports-no-module',
      comment: 'The toolkit (common, db, graphql, authz, http, config) knows no module; the composition root (src/app) wires them.',
      severity: 'error',
      from: { path: TOOLKIT },
      to: { path: '^src/(modules|app)/' },
    },
    {
      name: 'modules-only-through-public-files',
      comment: "A module reaches another only through that module's .api.ts, .entity.ts or .types.ts.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: [`^src/modules/$1/`, PUBLIC_FILE] },
    },
    {
      name: 'modules-know-no-root',
      comment: 'Only main.ts and the root know the root.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'every-module-in-the-order',
      comment: 'A new module takes its place in MODULE_ORDER (and in src/app/modules.ts).',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: `^src/modules/`, pathNot: `^src/modules/(${MODULE_ORDER.join('|')})/` },
    },
    ...upwardImports,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
