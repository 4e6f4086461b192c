import { OrganizationPermission, OrganizationRole, ProjectPermission, TeamRole } from '../src/authz/enums';
import {
  canAdministerInstance,
  canChangeMemberRole,
  canGrantRole,
  canInviteAs,
  canManageTeam,
  canCreateAccessToken,
  canRemoveMember,
  canSeeEvent,
  canSeeEmail,
  canSeeNotificationEmail,
  hasOrganizationPermission,
  organizationPermissions,
  projectPermissions,
  scopedProjectPermissions,
  scopeReaches,
  type TokenScope,
} from '../src/authz/policies';
import { BUILT_IN_ROLES, OWNER_ROLE_ID } from '../src/authz/policy-table';

/**
 * The pure policies against CONTRACT.md's tables, written out here by hand so that a change
 * to src/authz/policy-table.ts that disagrees with the contract fails.
 */
const ORGANIZATION_TABLE: Record<OrganizationPermission, Record<OrganizationRole, boolean>> = {
  //                              OWNER  ADMIN  MEMBER ACCOUNTANT
  ORGANIZATION_VIEW: /*          */ { OWNER: true, ADMIN: true, MEMBER: true, ACCOUNTANT: true },
  ORGANIZATION_SETTINGS_MANAGE: { OWNER: true, ADMIN: true, MEMBER: false, ACCOUNTANT: false },
  ORGANIZATION_DELETE: /*        */ { OWNER: true, ADMIN: false, MEMBER: false, ACCOUNTANT: false },
  BILLING_MANAGE: /*             */ { OWNER: true, ADMIN: true, MEMBER: false, ACCOUNTANT: true },
  MEMBERS_INVITE: /*             */ { OWNER: true, ADMIN: true, MEMBER: false, ACCOUNTANT: false },
  MEMBERS_MANAGE: /*             */ { OWNER: true, ADMIN: true, MEMBER: false, ACCOUNTANT: false },
  OWNERS_MANAGE: /*              */ { OWNER: true, ADMIN: false, MEMBER: false, ACCOUNTANT: false },
  TEAMS_MANAGE: /*               */ { OWNER: true, ADMIN: true, MEMBER: false, ACCOUNTANT: false },
  PROJECTS_CREATE: /*            */ { OWNER: true, ADMIN: true, MEMBER: false, ACCOUNTANT: false },
  ROLES_MANAGE: /*               */ { OWNER: true, ADMIN: true, MEMBER: false, ACCOUNTANT: false },
  AUDIT_LOG_VIEW: /*             */ { OWNER: true, ADMIN: true, MEMBER: false, ACCOUNTANT: false },
  WEBHOOKS_MANAGE: /*            */ { OWNER: true, ADMIN: true, MEMBER: false, ACCOUNTANT: false },
};

const PROJECT_TABLE: Record<ProjectPermission, Record<'View' | 'Use' | 'Owner', boolean>> = {
  PROJECT_VIEW: /*            */ { View: true, Use: true, Owner: true },
  DATASOURCE_CONNECT: /*      */ { View: true, Use: true, Owner: true },
  CONTENT_MANAGE: /*          */ { View: false, Use: true, Owner: true },
  DATASOURCE_EDIT: /*         */ { View: false, Use: true, Owner: true },
  DATABASE_MASK: /*           */ { View: false, Use: true, Owner: true },
  DEPLOYMENT_CREATE: /*       */ { View: false, Use: true, Owner: true },
  PROJECT_SETTINGS_MANAGE: /* */ { View: false, Use: false, Owner: true },
  PROJECT_ACCESS_MANAGE: /*   */ { View: false, Use: false, Owner: true },
  PROJECT_DELETE: /*          */ { View: false, Use: false, Owner: true },
};

const ORGANIZATION_ROLES = Object.values(OrganizationRole);
const ORGANIZATION_PERMISSIONS = Object.values(OrganizationPermission);
const PROJECT_PERMISSIONS = Object.values(ProjectPermission);
const TEAM_ROLES = [...Object.values(TeamRole), null];
const roleCells = ORGANIZATION_ROLES.flatMap((role) => ORGANIZATION_PERMISSIONS.map((permission) => [role, permission] as const));
const builtIn = (name: string) => BUILT_IN_ROLES.find((r) => r.name === name)!.permissions;

describe('organization permissions', () => {
  it('covers every permission of the catalog in the table', () => {
    expect(Object.keys(ORGANIZATION_TABLE).sort()).toEqual([...ORGANIZATION_PERMISSIONS].sort());
  });

  it.each(roleCells)('%s holds %s exactly as the contract says', (role, permission) => {
    expect(hasOrganizationPermission(role, permission, null)).toBe(ORGANIZATION_TABLE[permission][role]);
    expect(organizationPermissions(role, null).includes(permission)).toBe(ORGANIZATION_TABLE[permission][role]);
  });

  it('gives nothing to a non-member', () => {
    expect(organizationPermissions(null, null)).toEqual([]);
    for (const permission of ORGANIZATION_PERMISSIONS) expect(hasOrganizationPermission(null, permission, null)).toBe(false);
  });

  it('lists permissions in catalog order', () => {
    expect(organizationPermissions(OrganizationRole.OWNER, null)).toEqual(ORGANIZATION_PERMISSIONS);
  });
});

describe('member management', () => {
  const roles = [...ORGANIZATION_ROLES, null];
  it.each(roles.flatMap((actor) => ORGANIZATION_ROLES.flatMap((from) => ORGANIZATION_ROLES.map((to) => [actor, from, to] as const))))(
    '%s changing %s to %s',
    (actor, from, to) => {
      const touchesOwner = from === 'OWNER' || to === 'OWNER';
      const expected = actor !== null && (touchesOwner ? ORGANIZATION_TABLE.OWNERS_MANAGE[actor] : ORGANIZATION_TABLE.MEMBERS_MANAGE[actor]);
      expect(canChangeMemberRole(actor, from, to, null)).toBe(expected);
    },
  );

  it.each(roles.flatMap((actor) => ORGANIZATION_ROLES.map((target) => [actor, target] as const)))('%s removing a %s; %s inviting as it', (actor, target) => {
    const needed = target === 'OWNER' ? 'OWNERS_MANAGE' : 'MEMBERS_MANAGE';
    expect(canRemoveMember(actor, target, null)).toBe(actor !== null && ORGANIZATION_TABLE[needed][actor]);
    const mayInvite = actor !== null && ORGANIZATION_TABLE.MEMBERS_INVITE[actor] && (target !== 'OWNER' || ORGANIZATION_TABLE.OWNERS_MANAGE[actor]);
    expect(canInviteAs(actor, target, null)).toBe(mayInvite);
  });
});

const teamCases = [...ORGANIZATION_ROLES, null].flatMap((o) => TEAM_ROLES.map((t) => [o, t] as const));

describe('team management', () => {
  it.each(teamCases)('organization role %s with team role %s', (organizationRole, teamRole) => {
    const expected = organizationRole !== null && (ORGANIZATION_TABLE.TEAMS_MANAGE[organizationRole] || teamRole === 'TEAM_ADMIN');
    expect(canManageTeam(organizationRole, teamRole, null)).toBe(expected);
  });
});

describe('built-in project roles', () => {
  it('are View, Use and Owner, in that order, with fixed ids; Owner is OWNER_ROLE_ID', () => {
    expect(BUILT_IN_ROLES.map((r) => r.name)).toEqual(['View', 'Use', 'Owner']);
    expect(new Set(BUILT_IN_ROLES.map((r) => r.id)).size).toBe(3);
    expect(BUILT_IN_ROLES[2].id).toBe(OWNER_ROLE_ID);
  });

  it('covers every project permission in the table', () => {
    expect(Object.keys(PROJECT_TABLE).sort()).toEqual([...PROJECT_PERMISSIONS].sort());
  });

  it.each((['View', 'Use', 'Owner'] as const).flatMap((role) => PROJECT_PERMISSIONS.map((p) => [role, p] as const)))(
    '%s carries %s as the contract says',
    (role, permission) => {
      expect(builtIn(role).includes(permission)).toBe(PROJECT_TABLE[permission][role]);
    },
  );
});

describe('project permissions', () => {
  it('gives every permission to OWNER and ADMIN, whatever they were granted', () => {
    for (const role of ['OWNER', 'ADMIN'] as const) {
      expect(projectPermissions(role as OrganizationRole, [], null)).toEqual(PROJECT_PERMISSIONS);
      expect(projectPermissions(role as OrganizationRole, [builtIn('View')], null)).toEqual(PROJECT_PERMISSIONS);
    }
  });

  it('gives MEMBER and ACCOUNTANT the union of their grants, in catalog order', () => {
    for (const role of ['MEMBER', 'ACCOUNTANT'] as const) {
      expect(projectPermissions(role as OrganizationRole, [], null)).toEqual([]);
      expect(projectPermissions(role as OrganizationRole, [builtIn('View')], null)).toEqual(['PROJECT_VIEW', 'DATASOURCE_CONNECT']);
      const custom = [ProjectPermission.PROJECT_DELETE, ProjectPermission.PROJECT_VIEW];
      expect(projectPermissions(role as OrganizationRole, [custom, builtIn('View'), custom], null)).toEqual([
        'PROJECT_VIEW',
        'DATASOURCE_CONNECT',
        'PROJECT_DELETE',
      ]);
      expect(projectPermissions(role as OrganizationRole, [builtIn('Use'), builtIn('Owner')], null)).toEqual(PROJECT_PERMISSIONS);
    }
  });

  it('gives nothing to a non-member, even with grants', () => {
    expect(projectPermissions(null, [builtIn('Owner')], null)).toEqual([]);
  });
});

describe('granting roles', () => {
  const sets = { View: builtIn('View'), Use: builtIn('Use'), Owner: builtIn('Owner') };
  it.each(Object.keys(sets).flatMap((granter) => Object.keys(sets).map((role) => [granter, role] as const)))('a %s holder granting %s', (granter, role) => {
    // Only Owner carries PROJECT_ACCESS_MANAGE, and it holds everything.
    expect(canGrantRole(sets[granter as keyof typeof sets], sets[role as keyof typeof sets])).toBe(granter === 'Owner');
  });

  it('needs PROJECT_ACCESS_MANAGE and every permission of the role', () => {
    const keeper = [ProjectPermission.PROJECT_VIEW, ProjectPermission.PROJECT_ACCESS_MANAGE, ProjectPermission.CONTENT_MANAGE];
    expect(canGrantRole(keeper, [ProjectPermission.PROJECT_VIEW])).toBe(true);
    expect(canGrantRole(keeper, keeper)).toBe(true);
    expect(canGrantRole(keeper, builtIn('View'))).toBe(false);
    expect(canGrantRole(builtIn('Use'), [ProjectPermission.PROJECT_VIEW])).toBe(false);
    expect(canGrantRole([], [])).toBe(false);
  });
});

describe('instance rights', () => {
  it('belong to enabled instance administrators only, and to no one through an organization role', () => {
    expect(canAdministerInstance({ isInstanceAdmin: true, disabledAt: null }, null)).toBe(true);
    expect(canAdministerInstance({ isInstanceAdmin: true, disabledAt: new Date() }, null)).toBe(false);
    expect(canAdministerInstance({ isInstanceAdmin: false, disabledAt: null }, null)).toBe(false);
    expect(canAdministerInstance(null, null)).toBe(false);
    // An outsider holds nothing in an organization, administrator or not: the organization rules take the role alone.
    expect(organizationPermissions(null, null)).toEqual([]);
  });
});

describe('access token scopes', () => {
  const scope = (organizationPermissions: OrganizationPermission[], projectPermissions: ProjectPermission[] = []): TokenScope => ({
    accessTokenId: 't',
    organizationId: 'o',
    organizationPermissions,
    projectPermissions,
  });
  const intersection = <T>(a: readonly T[], b: readonly T[]) => a.filter((x) => b.includes(x));

  it.each(ORGANIZATION_ROLES)('narrow %s to what both the token lists and the role holds, in every organization rule', (role) => {
    const listed = [OrganizationPermission.ORGANIZATION_VIEW, OrganizationPermission.MEMBERS_MANAGE, OrganizationPermission.TEAMS_MANAGE];
    const s = scope(listed);
    const held = organizationPermissions(role, null);
    expect(organizationPermissions(role, s)).toEqual(intersection(held, listed));
    for (const permission of ORGANIZATION_PERMISSIONS)
      expect(hasOrganizationPermission(role, permission, s)).toBe(held.includes(permission) && listed.includes(permission));
    // OWNERS_MANAGE is not listed: no owner changes, even by an OWNER.
    expect(canChangeMemberRole(role, OrganizationRole.MEMBER, OrganizationRole.OWNER, s)).toBe(false);
    expect(canRemoveMember(role, OrganizationRole.OWNER, s)).toBe(false);
    expect(canChangeMemberRole(role, OrganizationRole.MEMBER, OrganizationRole.ADMIN, s)).toBe(held.includes(OrganizationPermission.MEMBERS_MANAGE));
    // MEMBERS_INVITE is not listed.
    expect(canInviteAs(role, OrganizationRole.MEMBER, s)).toBe(false);
    // Team management: TEAMS_MANAGE when listed and held; being a TEAM_ADMIN is no permission a token carries.
    expect(canManageTeam(role, TeamRole.TEAM_ADMIN, s)).toBe(held.includes(OrganizationPermission.TEAMS_MANAGE));
    expect(canManageTeam(role, TeamRole.TEAM_ADMIN, scope([]))).toBe(false);
    // Events: access_token.* needs AUDIT_LOG_VIEW, which is not listed.
    expect(canSeeEvent(role, 'access_token.created', null, s)).toBe(false);
    expect(canSeeEvent(role, 'member.joined', null, s)).toBe(true);
  });

  it('narrow project permissions per project, and give nothing to a non-member', () => {
    const listed = [ProjectPermission.PROJECT_VIEW, ProjectPermission.PROJECT_DELETE];
    expect(projectPermissions(OrganizationRole.OWNER, [], scope([], listed))).toEqual(listed);
    expect(projectPermissions(OrganizationRole.MEMBER, [builtIn('Use')], scope([], listed))).toEqual([ProjectPermission.PROJECT_VIEW]);
    expect(projectPermissions(null, [builtIn('Owner')], scope([], listed))).toEqual([]);
    expect(scopedProjectPermissions([...builtIn('Use')], scope([], listed))).toEqual([ProjectPermission.PROJECT_VIEW]);
    expect(scopedProjectPermissions([...builtIn('Use')], null)).toEqual(builtIn('Use'));
    expect(scopeReaches(scope([]), 'o')).toBe(true);
    expect(scopeReaches(scope([]), 'elsewhere')).toBe(false);
    expect(scopeReaches(null, 'elsewhere')).toBe(true);
  });

  it('show emails and the notification mailbox only where the token reaches and lists the permission', () => {
    const member = [{ organizationId: 'o', role: OrganizationRole.ADMIN }];
    const elsewhere = [{ organizationId: 'elsewhere', role: OrganizationRole.ADMIN }];
    expect(canSeeEmail('u1', 'u2', member, [{ organizationId: 'o' }], scope([OrganizationPermission.MEMBERS_MANAGE]))).toBe(true);
    expect(canSeeEmail('u1', 'u2', member, [{ organizationId: 'o' }], scope([OrganizationPermission.ORGANIZATION_VIEW]))).toBe(false);
    expect(canSeeEmail('u1', 'u2', elsewhere, [{ organizationId: 'elsewhere' }], scope([OrganizationPermission.MEMBERS_MANAGE]))).toBe(false);
    expect(canSeeEmail('u1', 'u1', [], [], scope([]))).toBe(true);
    expect(canSeeNotificationEmail(OrganizationRole.OWNER, scope([OrganizationPermission.ORGANIZATION_VIEW]))).toBe(false);
    expect(canSeeNotificationEmail(OrganizationRole.ADMIN, scope([OrganizationPermission.ORGANIZATION_SETTINGS_MANAGE]))).toBe(true);
  });

  it('keep instance rights from every access token', () => {
    expect(canAdministerInstance({ isInstanceAdmin: true, disabledAt: null }, scope(ORGANIZATION_PERMISSIONS, PROJECT_PERMISSIONS))).toBe(false);
  });

  it('let a user create a token only with permissions they hold', () => {
    const none = { organizationPermissions: [], projectPermissions: [] };
    expect(canCreateAccessToken(null, [], none)).toBe(false);
    expect(canCreateAccessToken(OrganizationRole.MEMBER, [], none)).toBe(true);
    expect(canCreateAccessToken(OrganizationRole.MEMBER, [], { ...none, organizationPermissions: [OrganizationPermission.ORGANIZATION_VIEW] })).toBe(true);
    expect(canCreateAccessToken(OrganizationRole.MEMBER, [], { ...none, organizationPermissions: [OrganizationPermission.MEMBERS_INVITE] })).toBe(false);
    expect(canCreateAccessToken(OrganizationRole.MEMBER, [], { ...none, projectPermissions: [ProjectPermission.PROJECT_VIEW] })).toBe(false);
    expect(canCreateAccessToken(OrganizationRole.MEMBER, [builtIn('View')], { ...none, projectPermissions: [ProjectPermission.PROJECT_VIEW] })).toBe(true);
    expect(
      canCreateAccessToken(OrganizationRole.ADMIN, [], {
        organizationPermissions: [OrganizationPermission.MEMBERS_MANAGE],
        projectPermissions: PROJECT_PERMISSIONS,
      }),
    ).toBe(true);
    expect(canCreateAccessToken(OrganizationRole.ADMIN, [], { ...none, organizationPermissions: [OrganizationPermission.OWNERS_MANAGE] })).toBe(false);
  });
});

describe('email visibility', () => {
  const org = 'org-1';
  it('shows a user their own email, and nobody anonymous', () => {
    expect(canSeeEmail('u1', 'u1', [], [], null)).toBe(true);
    expect(canSeeEmail(null, 'u1', [], [{ organizationId: org }], null)).toBe(false);
  });
  it.each(Object.values(OrganizationRole))('shows a shared member the email only with MEMBERS_MANAGE (%s)', (role) => {
    const expected = hasOrganizationPermission(role, OrganizationPermission.MEMBERS_MANAGE, null);
    expect(canSeeEmail('u1', 'u2', [{ organizationId: org, role }], [{ organizationId: org }], null)).toBe(expected);
    expect(canSeeEmail('u1', 'u2', [{ organizationId: org, role }], [{ organizationId: 'org-2' }], null)).toBe(false);
  });
  it.each(Object.values(OrganizationRole))('shows the notification mailbox with ORGANIZATION_SETTINGS_MANAGE (%s)', (role) => {
    expect(canSeeNotificationEmail(role, null)).toBe(hasOrganizationPermission(role, OrganizationPermission.ORGANIZATION_SETTINGS_MANAGE, null));
  });
  it('hides the notification mailbox from outsiders', () => expect(canSeeNotificationEmail(null, null)).toBe(false));
});
