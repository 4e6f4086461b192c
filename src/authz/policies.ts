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
export function canAdministerInstance(user: { isInstanceAdmin: boolean; disabledAt: Date | null } | null): boolean {
  return user !== null && user.isInstanceAdmin && user.disabledAt === null;
}

export function organizationPermissions(role: OrganizationRole | null): O[] {
  if (!role) return [];
  const held = ORGANIZATION_ROLE_PERMISSIONS[role];
  return ALL_ORGANIZATION_PERMISSIONS.filter((p) => held.has(p));
}

export function hasOrganizationPermission(role: OrganizationRole | null, permission: O): boolean {
  return role !== null && ORGANIZATION_ROLE_PERMISSIONS[role].has(permission);
}

/** Changing a role to or from OWNER needs OWNERS_MANAGE; any other change needs MEMBERS_MANAGE. */
export function canChangeMemberRole(actor: OrganizationRole | null, from: OrganizationRole, to: OrganizationRole): boolean {
  const touchesOwner = from === OrganizationRole.OWNER || to === OrganizationRole.OWNER;
  return hasOrganizationPermission(actor, touchesOwner ? O.OWNERS_MANAGE : O.MEMBERS_MANAGE);
}

export function canRemoveMember(actor: OrganizationRole | null, target: OrganizationRole): boolean {
  return hasOrganizationPermission(actor, target === OrganizationRole.OWNER ? O.OWNERS_MANAGE : O.MEMBERS_MANAGE);
}

export function canInviteAs(actor: OrganizationRole | null, role: OrganizationRole): boolean {
  return hasOrganizationPermission(actor, O.MEMBERS_INVITE) && (role !== OrganizationRole.OWNER || hasOrganizationPermission(actor, O.OWNERS_MANAGE));
}

/** TEAMS_MANAGE covers every team; a TEAM_ADMIN manages their own. */
export function canManageTeam(organizationRole: OrganizationRole | null, teamRole: TeamRole | null): boolean {
  return hasOrganizationPermission(organizationRole, O.TEAMS_MANAGE) || (organizationRole !== null && teamRole === TeamRole.TEAM_ADMIN);
}

/**
 * A viewer's permissions on a project: all of them for an OWNER or ADMIN of its organization,
 * otherwise the union of the roles granted to the user and to each of their teams.
 * `grantedRolePermissions` holds the permission lists of those grants.
 */
export function projectPermissions(
  organizationRole: OrganizationRole | null,
  grantedRolePermissions: ReadonlyArray<ReadonlyArray<ProjectPermission>>,
): ProjectPermission[] {
  if (!organizationRole) return [];
  if (PROJECT_SUPERUSER_ROLES.has(organizationRole)) return [...ALL_PROJECT_PERMISSIONS];
  const held = new Set(grantedRolePermissions.flat());
  return ALL_PROJECT_PERMISSIONS.filter((p) => held.has(p));
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
export function canSeeEvent(role: OrganizationRole | null, action: string, projectPermissionsHeld: ReadonlyArray<ProjectPermission> | null): boolean {
  if (!role) return false;
  if (isProjectEvent(action)) return (projectPermissionsHeld ?? projectPermissions(role, [])).includes(ProjectPermission.PROJECT_VIEW);
  return hasOrganizationPermission(role, eventOrganizationPermission(action));
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
): boolean {
  if (!viewerId) return false;
  if (viewerId === subjectId) return true;
  const shared = new Set(subjectMemberships.map((m) => m.organizationId));
  return viewerMemberships.some((m) => shared.has(m.organizationId) && hasOrganizationPermission(m.role, O.MEMBERS_MANAGE));
}

/** The organizations in which a viewer with these memberships sees fellow members' emails (canSeeEmail needs only the subject's memberships there). */
export function emailSightOrganizations(viewerMemberships: ReadonlyArray<{ organizationId: string; role: OrganizationRole }>): string[] {
  return viewerMemberships.filter((m) => hasOrganizationPermission(m.role, O.MEMBERS_MANAGE)).map((m) => m.organizationId);
}

/** The notification mailbox is part of the settings: seen by holders of ORGANIZATION_SETTINGS_MANAGE. */
export function canSeeNotificationEmail(role: OrganizationRole | null): boolean {
  return hasOrganizationPermission(role, O.ORGANIZATION_SETTINGS_MANAGE);
}
