import { OrganizationPermission, OrganizationRole, ProjectPermission } from './enums';
import { hasOrganizationPermission } from './policies';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../common/errors';
import { isUuid } from '../common/ids';
import { pairKey } from '../db/loader-utils';

/** What Access reads, per request: the viewer's memberships (members module) and effective project permissions (projects module). */
export interface AccessLoaders {
  /** All of a user's memberships: one statement serves every organization check of the request, and the viewer's organization list. */
  membershipsByUser: { load(userId: string): Promise<ReadonlyArray<{ organizationId: string; role: OrganizationRole }>> };
  effectivePermissions: { load(projectAndUser: string): Promise<ProjectPermission[] | null> };
}

/**
 * The viewer's standing, read through the request's loaders. Outsiders get NOT_FOUND with the
 * same message as for a missing thing; members without the permission get FORBIDDEN.
 */
export class Access {
  constructor(
    readonly viewerId: string | null,
    private readonly loaders: AccessLoaders,
  ) {}

  requireViewer(): string {
    if (!this.viewerId) throw new UnauthenticatedError();
    return this.viewerId;
  }

  async organizationRole(organizationId: string): Promise<OrganizationRole | null> {
    if (!this.viewerId || !isUuid(organizationId)) return null;
    const memberships = await this.loaders.membershipsByUser.load(this.viewerId);
    return memberships.find((m) => m.organizationId === organizationId)?.role ?? null;
  }

  /** The viewer's role in the organization; NOT_FOUND when not a member, FORBIDDEN without `permission`. */
  async requireOrganization(organizationId: string, permission = OrganizationPermission.ORGANIZATION_VIEW): Promise<OrganizationRole> {
    this.requireViewer();
    const role = await this.organizationRole(organizationId);
    if (!role) throw new NotFoundError();
    if (!hasOrganizationPermission(role, permission)) throw new ForbiddenError();
    return role;
  }

  /** The viewer's permissions on a project, or null when the project is missing or in another organization. */
  async projectPermissions(projectId: string): Promise<ProjectPermission[] | null> {
    if (!this.viewerId || !isUuid(projectId)) return null;
    return this.loaders.effectivePermissions.load(pairKey(projectId, this.viewerId));
  }

  async requireProject(projectId: string, permission: ProjectPermission): Promise<ProjectPermission[]> {
    this.requireViewer();
    const permissions = await this.projectPermissions(projectId);
    if (!permissions) throw new NotFoundError();
    if (!permissions.includes(permission)) throw new ForbiddenError();
    return permissions;
  }
}
