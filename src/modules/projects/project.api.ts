import type { EntityManager } from 'typeorm';
import type { ProjectPermission } from '../../authz/enums';
import type { TokenScope } from '../../authz/policies';

export interface ProjectRoleGrant {
  projectId: string;
  roleId: string;
}

/** What other modules may ask of projects, inside their transaction. */
export interface ProjectsApi {
  /** Gives a member of the organization these roles on these projects, replacing the role they held on each. */
  grantToUser(em: EntityManager, organizationId: string, userId: string, grants: readonly ProjectRoleGrant[]): Promise<void>;
  /**
   * The user's permissions on each project, read in the transaction and narrowed to `scope` (the
   * acting access token's; null with a session); null where the project is missing or the user is not in its organization.
   */
  permissionsOn(em: EntityManager, projectIds: readonly string[], userId: string, scope: TokenScope | null): Promise<Array<ProjectPermission[] | null>>;
}
