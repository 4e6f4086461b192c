/**
 * Pure, synchronous policy functions over loaded data: who may do what. No I/O here, so every
 * rule is unit-testable over the whole table; shield rules and services both call these.
 *
 * Where authorization happens (src/authz, followed everywhere):
 * - the shield (`shield.ts`, rules in `rules.ts`) decides whether an operation or field is
 *   allowed at all; each rule names how it finds its organization (`OrganizationLocator`);
 * - services enforce, inside their transaction, the checks that depend on the target's current
 *   state (an OWNER's removal needs OWNERS_MANAGE, a grant only of what the actor holds), with
 *   these functions over rows they locked;
 * - field visibility (`User.email`, `Organization.notificationEmail`) is decided here too,
 *   by pure functions the resolvers call;
 * - SQL that filters lists (`organization.projects`) mirrors `projectPermissions`, and
 *   the property test proves the two agree.
 */
import { OrganizationPermission as O, OrganizationRole, ProjectPermission, TeamRole } from './enums';
import { ALL_ORGANIZATION_PERMISSIONS, ALL_PROJECT_PERMISSIONS, ORGANIZATION_ROLE_PERMISSIONS, PROJECT_SUPERUSER_ROLES } from './policy-table';

/**
 * Instance rights (CONTRACT.md, Administration) are their own: held by an instance
 * administrator whose account is enabled, and reaching only `instance` and the instance
 * actions. They never stand for a role in any organization: every organization rule above
 * takes the organization role alone, so an instance administrator who is not a member holds nothing there.
 */
export function canAdministerInstance(user: { isInstanceAdmin: boolean; disabledAt: Date | null } | null, scope: TokenScope | null): boolean {
  // An access token reaches one organization (CONTRACT.md, Access tokens): instance rights never come with one.
  return user !== null && scope === null && user.isInstanceAdmin && user.disabledAt === null;
}

/**
 * What an access token lets its holder use (CONTRACT.md, Access tokens): one organization,
 * and there at most the permissions it lists. A request with a session has no scope (null):
 * its user's rights are limited by nothing else.
 */
export interface TokenScope {
  accessTokenId: string;
  organizationId: string;
  organizationPermissions: readonly O[];
  projectPermissions: readonly ProjectPermission[];
}

/**
 * THE place where an access token narrows rights: what the user holds, kept to what the token
 * lists. Every function below that answers "may the viewer" goes through organizationPermissions
 * or projectPermissions, and so through here: there is no second permission system.
 */
function narrowed<T extends string>(held: T[], listed: readonly T[] | undefined): T[] {
  return listed === undefined ? held : held.filter((p) => listed.includes(p));
}

/** Whether the scope reaches the organization: a session reaches every organization its user belongs to, a token only its own. */
export function scopeReaches(scope: TokenScope | null, organizationId: string): boolean {
  return scope === null || scope.organizationId === organizationId;
}

export function organizationPermissions(role: OrganizationRole | null, scope: TokenScope | null): O[] {
  if (!role) return [];
  const held = ORGANIZATION_ROLE_PERMISSIONS[role];
  return narrowed(
    ALL_ORGANIZATION_PERMISSIONS.filter((p) => held.has(p)),
    scope?.organizationPermissions,
  );
}

export function hasOrganizationPermission(role: OrganizationRole | null, permission: O, scope: TokenScope | null): boolean {
  return organizationPermissions(role, scope).includes(permission);
}

/** Changing a role to or from OWNER needs OWNERS_MANAGE; any other change needs MEMBERS_MANAGE. */
export function canChangeMemberRole(actor: OrganizationRole | null, from: OrganizationRole, to: OrganizationRole, scope: TokenScope | null): boolean {
  const touchesOwner = from === OrganizationRole.OWNER || to === OrganizationRole.OWNER;
  return hasOrganizationPermission(actor, touchesOwner ? O.OWNERS_MANAGE : O.MEMBERS_MANAGE, scope);
}

export function canRemoveMember(actor: OrganizationRole | null, target: OrganizationRole, scope: TokenScope | null): boolean {
  return hasOrganizationPermission(actor, target === OrganizationRole.OWNER ? O.OWNERS_MANAGE : O.MEMBERS_MANAGE, scope);
}

export function canInviteAs(actor: OrganizationRole | null, role: OrganizationRole, scope: TokenScope | null): boolean {
  return (
    hasOrganizationPermission(actor, O.MEMBERS_INVITE, scope) && (role !== OrganizationRole.OWNER || hasOrganizationPermission(actor, O.OWNERS_MANAGE, scope))
  );
}

/**
 * TEAMS_MANAGE covers every team; a TEAM_ADMIN manages their own. Being a TEAM_ADMIN is no
 * permission a token can list, so with an access token only TEAMS_MANAGE (listed and held) counts.
 */
export function canManageTeam(organizationRole: OrganizationRole | null, teamRole: TeamRole | null, scope: TokenScope | null): boolean {
  return (
    hasOrganizationPermission(organizationRole, O.TEAMS_MANAGE, scope) || (organizationRole !== null && scope === null && teamRole === TeamRole.TEAM_ADMIN)
  );
}

/**
 * A viewer's permissions on a project: all of them for an OWNER or ADMIN of its organization,
 * otherwise the union of the roles granted to the user and to each of their teams.
 * `grantedRolePermissions` holds the permission lists of those grants.
 */
export function projectPermissions(
  organizationRole: OrganizationRole | null,
  grantedRolePermissions: ReadonlyArray<ReadonlyArray<ProjectPermission>>,
  scope: TokenScope | null,
): ProjectPermission[] {
  if (!organizationRole) return [];
  if (PROJECT_SUPERUSER_ROLES.has(organizationRole)) return narrowed([...ALL_PROJECT_PERMISSIONS], scope?.projectPermissions);
  const held = new Set(grantedRolePermissions.flat());
  return narrowed(
    ALL_PROJECT_PERMISSIONS.filter((p) => held.has(p)),
    scope?.projectPermissions,
  );
}

/**
 * What a user holds on a project (projectPermissions without a scope, as the effective
 * permissions SQL computes it for any user) seen through the viewer's scope.
 */
export function scopedProjectPermissions(held: ProjectPermission[], scope: TokenScope | null): ProjectPermission[] {
  return narrowed(held, scope?.projectPermissions);
}

/**
 * Whether a user may create an access token listing these permissions: each must be held now
 * (no escalation, as canGrantRole). An organization permission is held through the role; a
 * project permission, which the token carries to every project, through the role (OWNER and
 * ADMIN hold every one) or a grant on at least one project of the organization, to the user
 * or one of their teams (`grantedRolePermissions`). At use, each project narrows it further.
 */
export function canCreateAccessToken(
  role: OrganizationRole | null,
  grantedRolePermissions: ReadonlyArray<ReadonlyArray<ProjectPermission>>,
  listed: { organizationPermissions: readonly O[]; projectPermissions: readonly ProjectPermission[] },
): boolean {
  const organizationHeld = organizationPermissions(role, null);
  const projectHeld = projectPermissions(role, grantedRolePermissions, null);
  return (
    role !== null &&
    listed.organizationPermissions.every((p) => organizationHeld.includes(p)) &&
    listed.projectPermissions.every((p) => projectHeld.includes(p))
  );
}

/** No escalation: a role may be granted, or a grant of it revoked, only by someone who holds every permission it carries. */
export function canGrantRole(granterPermissions: ReadonlyArray<ProjectPermission>, rolePermissions: ReadonlyArray<ProjectPermission>): boolean {
  const held = new Set(granterPermissions);
  return held.has(ProjectPermission.PROJECT_ACCESS_MANAGE) && rolePermissions.every((p) => held.has(p));
}

/**
 * The organization permission an event needs to be seen live or sent to a webhook
 * (CONTRACT.md, Events): invitations need MEMBERS_INVITE, access tokens and webhooks
 * AUDIT_LOG_VIEW, the rest ORGANIZATION_VIEW. `project.*` events need PROJECT_VIEW on their
 * project instead (see canSeeEvent).
 */
export function eventOrganizationPermission(action: string): O {
  if (action.startsWith('invitation.') || action === 'member.invited') return O.MEMBERS_INVITE;
  if (action.startsWith('access_token.') || action.startsWith('webhook.')) return O.AUDIT_LOG_VIEW;
  return O.ORGANIZATION_VIEW;
}

export const isProjectEvent = (action: string): boolean => action.startsWith('project.');

/**
 * Whether a member with `role` may see an event with `action`. `projectPermissionsHeld` is
 * what they hold on the event's project (project events only); a project deleted since reads
 * as no grants, so only the roles that hold every project permission see its events.
 */
export function canSeeEvent(
  role: OrganizationRole | null,
  action: string,
  projectPermissionsHeld: ReadonlyArray<ProjectPermission> | null,
  scope: TokenScope | null,
): boolean {
  if (!role) return false;
  if (isProjectEvent(action)) return (projectPermissionsHeld ?? projectPermissions(role, [], scope)).includes(ProjectPermission.PROJECT_VIEW);
  return hasOrganizationPermission(role, eventOrganizationPermission(action), scope);
}

/**
 * A user's email is seen by the user and by members holding MEMBERS_MANAGE in an organization
 * the user belongs to. Memberships are the viewer's and the subject's, as loaded.
 */
export function canSeeEmail(
  viewerId: string | null,
  subjectId: string,
  viewerMemberships: ReadonlyArray<{ organizationId: string; role: OrganizationRole }>,
  subjectMemberships: ReadonlyArray<{ organizationId: string }>,
  scope: TokenScope | null,
): boolean {
  if (!viewerId) return false;
  if (viewerId === subjectId) return true;
  const shared = new Set(subjectMemberships.map((m) => m.organizationId));
  // With an access token, only its organization counts, and only if the token lists MEMBERS_MANAGE.
  return viewerMemberships.some(
    (m) => shared.has(m.organizationId) && scopeReaches(scope, m.organizationId) && hasOrganizationPermission(m.role, O.MEMBERS_MANAGE, scope),
  );
}

/** The organizations in which a viewer with these memberships sees fellow members' emails (canSeeEmail needs only the subject's memberships there). */
export function emailSightOrganizations(
  viewerMemberships: ReadonlyArray<{ organizationId: string; role: OrganizationRole }>,
  scope: TokenScope | null,
): string[] {
  return viewerMemberships
    .filter((m) => scopeReaches(scope, m.organizationId) && hasOrganizationPermission(m.role, O.MEMBERS_MANAGE, scope))
    .map((m) => m.organizationId);
}

/** The notification mailbox is part of the settings: seen by holders of ORGANIZATION_SETTINGS_MANAGE. */
export function canSeeNotificationEmail(role: OrganizationRole | null, scope: TokenScope | null): boolean {
  return hasOrganizationPermission(role, O.ORGANIZATION_SETTINGS_MANAGE, scope);
}
