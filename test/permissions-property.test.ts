import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { OrganizationPermission, OrganizationRole, ProjectPermission } from '../src/authz/enums';
import { Access } from '../src/authz/access';
import { organizationPermissions, projectPermissions } from '../src/authz/policies';
import { tokenHash } from '../src/common/tokens';
import { BUILT_IN_ROLES } from '../src/authz/policy-table';
import { pairKey } from '../src/db/loader-utils';
import { createLoaders } from '../src/app/loaders';
import { pageRequest } from '../src/common/paging';
import { sql } from './support/access';
import { startTestServer, type TestServer } from './support/server';

/**
 * The SQL that computes permissions (the effectivePermissions loader, and the filter behind
 * organization.projects) must agree with the pure projectPermissions policy on random
 * organizations: random members and organization roles, teams and team members, custom roles
 * with random permissions (PROJECT_VIEW included or not), and grants to users and teams.
 * Random users are instance administrators (and some of those disabled): the policy never
 * looks at it, so they must hold exactly what their membership gives them, nothing more.
 *
 * Each user also has a personal access token for one of the organizations, with random
 * organization and project permissions, stored in access_tokens and read back by the real
 * lookup: through it, the user holds in that organization exactly the set intersection of the
 * token's permissions and what they hold (here worked out without any scope), per project too,
 * and nothing in the other organization.
 */
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

const ORGANIZATIONS = 2;
const USERS = 4;
const ROLES = Object.values(OrganizationRole);
const PERMISSIONS = Object.values(ProjectPermission);

interface OrganizationSpec {
  roles: Array<OrganizationRole | null>; // per user; null: not a member
  teams: boolean[][]; // per team, per user: in the team (members only)
  customRoles: ProjectPermission[][];
  projects: Array<Array<{ principal: number; role: number }>>; // principal: < USERS a user, else a team; role: < 3 built-in, else custom
}

const organizationSpec: fc.Arbitrary<OrganizationSpec> = fc.record({
  roles: fc.array(fc.option(fc.constantFrom(...ROLES), { nil: null, freq: 3 }), { minLength: USERS, maxLength: USERS }),
  teams: fc.array(fc.array(fc.boolean(), { minLength: USERS, maxLength: USERS }), { maxLength: 3 }),
  customRoles: fc.array(fc.subarray(PERMISSIONS), { maxLength: 3 }),
  projects: fc.array(fc.array(fc.record({ principal: fc.nat(USERS + 2), role: fc.nat(5) }), { maxLength: 5 }), { minLength: 1, maxLength: 3 }),
});

interface TokenSpec {
  organization: number;
  organizationPermissions: OrganizationPermission[];
  projectPermissions: ProjectPermission[];
}
const tokenSpecs: fc.Arbitrary<TokenSpec[]> = fc.array(
  fc.record({
    organization: fc.nat(ORGANIZATIONS - 1),
    organizationPermissions: fc.subarray(Object.values(OrganizationPermission)),
    projectPermissions: fc.subarray(PERMISSIONS),
  }),
  { minLength: USERS, maxLength: USERS },
);

type InstanceStanding = 'none' | 'admin' | 'disabled admin';
const instanceStandings: fc.Arbitrary<InstanceStanding[]> = fc.array(fc.constantFrom<InstanceStanding>('none', 'admin', 'disabled admin'), {
  minLength: USERS,
  maxLength: USERS,
});

interface World {
  userIds: string[];
  organizations: Array<{ id: string; projectIds: string[]; expected: Map<string, ProjectPermission[] | null> }>;
}

/** Writes the spec with plain SQL and works out, with the pure policy, what each user holds on each project. */
async function build(specs: OrganizationSpec[], admins: InstanceStanding[]): Promise<World> {
  const tag = randomBytes(6).toString('hex');
  const userIds: string[] = [];
  for (let u = 0; u < USERS; u += 1) {
    const [{ id }] = await sql(
      api,
      `INSERT INTO users (email, name, password_hash, is_instance_admin, disabled_at) VALUES ($1, $2, 'x', $3, CASE WHEN $4 THEN now() END) RETURNING id`,
      [`p-${tag}-${u}@example.com`, `U${u}`, admins[u] !== 'none', admins[u] === 'disabled admin'],
    );
    userIds.push(id);
  }
  const organizations: World['organizations'] = [];
  for (const [o, spec] of specs.entries()) {
    const [{ id: orgId }] = await sql(api, `INSERT INTO organizations (moniker, name, region) VALUES ($1, 'P', 'EU1') RETURNING id`, [`p-${tag}-${o}`]);
    const members = userIds.map((id, u) => ({ id, role: spec.roles[u] })).filter((m) => m.role !== null);
    for (const m of members) await sql(api, `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)`, [orgId, m.id, m.role]);
    const teamIds: string[] = [];
    const teamUsers: string[][] = [];
    for (const [t, inTeam] of spec.teams.entries()) {
      const [{ id: teamId }] = await sql(api, `INSERT INTO teams (organization_id, name) VALUES ($1, $2) RETURNING id`, [orgId, `T${t}`]);
      teamIds.push(teamId);
      const users = userIds.filter((id, u) => inTeam[u] && spec.roles[u] !== null);
      for (const id of users)
        await sql(api, `INSERT INTO team_members (team_id, organization_id, user_id, role) VALUES ($1, $2, $3, 'TEAM_MEMBER')`, [teamId, orgId, id]);
      teamUsers.push(users);
    }
    const roles: Array<{ id: string; permissions: readonly ProjectPermission[] }> = [...BUILT_IN_ROLES];
    for (const [r, permissions] of spec.customRoles.entries()) {
      const [{ id }] = await sql(api, `INSERT INTO roles (organization_id, name, permissions) VALUES ($1, $2, $3) RETURNING id`, [orgId, `R${r}`, permissions]);
      roles.push({ id, permissions });
    }
    const projectIds: string[] = [];
    const expected = new Map<string, ProjectPermission[] | null>();
    for (const grants of spec.projects) {
      const [{ id: projectId }] = await sql(api, `INSERT INTO projects (organization_id, name) VALUES ($1, 'P') RETURNING id`, [orgId]);
      projectIds.push(projectId);
      // One grant per principal: later ones replace earlier ones, as grantProjectAccess does.
      const held = new Map<string, { userId?: string; teamIndex?: number; role: (typeof roles)[number] }>();
      for (const g of grants) {
        const role = roles[g.role % roles.length];
        if (g.principal < USERS) {
          if (spec.roles[g.principal] !== null) held.set(`u${g.principal}`, { userId: userIds[g.principal], role });
        } else if (teamIds.length > 0) {
          const t = (g.principal - USERS) % teamIds.length;
          held.set(`t${t}`, { teamIndex: t, role });
        }
      }
      for (const h of held.values()) {
        await sql(api, `INSERT INTO project_grants (organization_id, project_id, user_id, team_id, role_id) VALUES ($1, $2, $3, $4, $5)`, [
          orgId,
          projectId,
          h.userId ?? null,
          h.teamIndex === undefined ? null : teamIds[h.teamIndex],
          h.role.id,
        ]);
      }
      for (const [u, userId] of userIds.entries()) {
        const role = spec.roles[u];
        const granted = [...held.values()]
          .filter((h) => h.userId === userId || (h.teamIndex !== undefined && teamUsers[h.teamIndex].includes(userId)))
          .map((h) => h.role.permissions);
        expected.set(pairKey(projectId, userId), role === null ? null : projectPermissions(role, granted, null));
      }
    }
    organizations.push({ id: orgId, projectIds, expected });
  }
  return { userIds, organizations };
}

describe('effective project permissions', () => {
  it('agree between SQL and the pure policy, for every user on every project, with a session and with an access token', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(organizationSpec, { minLength: ORGANIZATIONS, maxLength: ORGANIZATIONS }),
        instanceStandings,
        tokenSpecs,
        async (specs, admins, tokens) => {
          const world = await build(specs, admins);
          const loaders = createLoaders(api.server.database.dataSource.manager);
          for (const [o, organization] of world.organizations.entries()) {
            // Organization rights come from the membership alone: an administrator outside holds no role there.
            for (const [u, userId] of world.userIds.entries()) {
              const access = new Access(userId, loaders, null);
              expect(await access.organizationRole(organization.id)).toBe(specs[o].roles[u]);
              expect(await access.organizationPermissions(organization.id)).toEqual(organizationPermissions(specs[o].roles[u], null));
            }
            const keys = [...organization.expected.keys()];
            const actual = await Promise.all(keys.map((key) => loaders.effectivePermissions.load(key)));
            expect(actual.map((standing) => standing?.permissions ?? null)).toEqual(keys.map((key) => organization.expected.get(key)));
            expect(actual.every((standing) => standing === null || standing.organizationId === organization.id)).toBe(true);
            for (const userId of world.userIds) {
              const page = await loaders.visibleProjectsPage(pageRequest(100, null), userId).load(organization.id);
              const visible = organization.projectIds.filter((p) => organization.expected.get(pairKey(p, userId))?.includes(ProjectPermission.PROJECT_VIEW));
              expect(page.rows.map((p) => p.id).sort()).toEqual(visible.sort());
              expect(page.totalCount).toBe(visible.length);
            }
          }
          // Through each user's access token: the set intersection in its organization, nothing elsewhere.
          for (const [u, userId] of world.userIds.entries()) {
            const spec = tokens[u];
            const token = `orgraph_pat_property${randomBytes(12).toString('hex')}`;
            await sql(
              api,
              `INSERT INTO access_tokens (user_id, organization_id, name, token_hash, organization_permissions, project_permissions, expires_at)
             VALUES ($1, $2, 'property', $3, $4, $5, now() + interval '1 day')`,
              [userId, world.organizations[spec.organization].id, tokenHash(token), spec.organizationPermissions, spec.projectPermissions],
            );
            const viewer = await api.server.services.accessTokens.viewerForToken(token);
            if (admins[u] === 'disabled admin') {
              expect(viewer).toBeNull();
              continue;
            }
            expect(viewer?.user.id).toBe(userId);
            expect(viewer?.sessionId).toBeNull();
            const access = new Access(userId, createLoaders(api.server.database.dataSource.manager), viewer!.scope);
            for (const [o, organization] of world.organizations.entries()) {
              const reached = o === spec.organization;
              const role = specs[o].roles[u];
              expect(await access.organizationRole(organization.id)).toBe(reached ? role : null);
              const held = organizationPermissions(role, null);
              expect(await access.organizationPermissions(organization.id)).toEqual(
                reached ? held.filter((p) => spec.organizationPermissions.includes(p)) : [],
              );
              for (const projectId of organization.projectIds) {
                const own = organization.expected.get(pairKey(projectId, userId)) ?? null;
                const expected = reached && own ? own.filter((p) => spec.projectPermissions.includes(p)) : null;
                expect(await access.projectPermissions(projectId)).toEqual(expected);
              }
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
