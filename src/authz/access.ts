import { OrganizationPermission, OrganizationRole, ProjectPermission } from './enums';
import { hasOrganizationPermission, organizationPermissions, scopedProjectPermissions, scopeReaches, type TokenScope } from './policies';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../common/errors';
import { isUuid } from '../common/ids';
import { pairKey } from '../db/loader-utils';

/** A user's effective permissions on a project, and the project's organization. */
export interface ProjectStanding {
  organizationId: string;
  permissions: ProjectPermission[];
}

/** What Access reads, per request: the viewer's memberships (members module) and effective project permissions (projects module). */
export interface AccessLoaders {
  /** All of a user's memberships: one statement serves every organization check of the request, and the viewer's organization list. */
  membershipsByUser: { load(userId: string): Promise<ReadonlyArray<{ organizationId: string; role: OrganizationRole }>> };
  effectivePermissions: { load(projectAndUser: string): Promise<ProjectStanding | null> };
}

/**
 * The viewer's standing, read through the request's loaders. Outsiders get NOT_FOUND with the
 * same message as for a missing thing; members without the permission get FORBIDDEN.
 *
 * With an access token, `scope` says what it reaches (CONTRACT.md, Access tokens): another
 * organization reads as one the viewer is not in (NOT_FOUND), and inside its own the pure
 * policies narrow the user's rights to the token's (organizationPermissions, projectPermissions).
 */
type ViewerMemberships = ReadonlyArray<{ organizationId: string; role: OrganizationRole }>;

export class Access {
  /** The viewer's memberships once this request has read them. */
  private memberships: ViewerMemberships | undefined;

  constructor(
    readonly viewerId: string | null,
    private readonly loaders: AccessLoaders,
    /** The access token's scope; null with a session or anonymous. */
    readonly scope: TokenScope | null,
  ) {}

  requireViewer(): string {
    if (!this.viewerId) throw new UnauthenticatedError();
    return this.viewerId;
  }

  /** The viewer's role in the organization; null when not a member, or outside the access token's organization. */
  async organizationRole(organizationId: string): Promise<OrganizationRole | null> {
    if (!this.viewerId || !isUuid(organizationId) || !scopeReaches(this.scope, organizationId)) return null;
    this.memberships ??= await this.loaders.membershipsByUser.load(this.viewerId);
    return this.memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
  }

  /**
   * The viewer's memberships if this request has read them already (any organization check does),
   * else undefined: for fields that can then answer at once, without a promise per row.
   */
  get settledMemberships(): ViewerMemberships | undefined {
    return this.memberships;
  }

  /** What the viewer may do in the organization (with an access token: what both the token and the user hold). */
  async organizationPermissions(organizationId: string): Promise<OrganizationPermission[]> {
    return organizationPermissions(await this.organizationRole(organizationId), this.scope);
  }

  async hasOrganizationPermission(organizationId: string, permission: OrganizationPermission): Promise<boolean> {
    return hasOrganizationPermission(await this.organizationRole(organizationId), permission, this.scope);
  }

  /** The viewer's role in the organization; NOT_FOUND when not a member, FORBIDDEN without `permission`. */
  async requireOrganization(organizationId: string, permission = OrganizationPermission.ORGANIZATION_VIEW): Promise<OrganizationRole> {
    this.requireViewer();
    const role = await this.organizationRole(organizationId);
    if (!role) throw new NotFoundError();
    if (!hasOrganizationPermission(role, permission, this.scope)) throw new ForbiddenError();
    return role;
  }

  /** The viewer's permissions on a project, or null when the project is missing or in an organization out of reach. */
  async projectPermissions(projectId: string): Promise<ProjectPermission[] | null> {
    if (!this.viewerId || !isUuid(projectId)) return null;
    const standing = await this.loaders.effectivePermissions.load(pairKey(projectId, this.viewerId));
    if (!standing || !scopeReaches(this.scope, standing.organizationId)) return null;
    return scopedProjectPermissions(standing.permissions, this.scope);
  }

  async requireProject(projectId: string, permission: ProjectPermission): Promise<ProjectPermission[]> {
    this.requireViewer();
    const permissions = await this.projectPermissions(projectId);
    if (!permissions) throw new NotFoundError();
    if (!permissions.includes(permission)) throw new ForbiddenError();
    return permissions;
  }
}
