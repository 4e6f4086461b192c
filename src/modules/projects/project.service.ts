import type { DataSource, EntityManager } from 'typeorm';
import type { ProjectPermission } from '../../authz/enums';
import { canGrantRole, scopedProjectPermissions, scopeReaches, type TokenScope } from '../../authz/policies';
import { OWNER_ROLE_ID } from '../../authz/policy-table';
import type { AuditRecorder } from '../../common/audit';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { rowById } from '../../db/rows';
import { optionalText, trimmed } from '../../common/text';
import { pairKey } from '../../db/loader-utils';
import { isForeignKeyViolation } from '../../db/pg-errors';
import { User } from '../auth/user.entity';
import { Role } from '../roles/role.entity';
import { Team } from '../teams/team.entity';
import { effectivePermissionsLoader } from './project.loaders';
import { Project } from './project.entity';
import type { CreateProjectInput, GrantProjectAccessInput, RevokeProjectAccessInput, UpdateProjectInput } from './project.inputs';
import type { ProjectAccess } from './project.types';
import type { ProjectRoleGrant, ProjectsApi } from './project.api';
import { sqlChange, sqlRows } from '../../db/sql';

/** TypeORM answers UPDATE and DELETE with [rows, count]; these statements RETURN the rows they touched. */

type Principal = { kind: 'user'; id: string } | { kind: 'team'; id: string };

/** Exactly one of userId and teamId (else BAD_USER_INPUT); a malformed id reads as missing. */
function principalOf(input: { userId?: string | null; teamId?: string | null }): Principal {
  if ((input.userId == null) === (input.teamId == null)) {
    throw new BadUserInputError(['userId', 'teamId'].map((field) => ({ field, message: 'Give exactly one of userId and teamId.' })));
  }
  const principal: Principal = input.userId != null ? { kind: 'user', id: input.userId } : { kind: 'team', id: input.teamId! };
  if (!isUuid(principal.id)) throw new NotFoundError();
  return principal;
}

/**
 * Projects and their grants. The shield rules check the viewer's permission on the project
 * (or PROJECTS_CREATE); these methods keep the rules the data must obey, no escalation included.
 */
export interface ProjectDeps {
  dataSource: DataSource;
  audit: AuditRecorder;
}

export class ProjectService implements ProjectsApi {
  constructor(private readonly deps: ProjectDeps) {}

  async grantToUser(em: EntityManager, organizationId: string, userId: string, grants: readonly ProjectRoleGrant[]): Promise<void> {
    await em.query(
      `INSERT INTO project_grants (organization_id, project_id, user_id, role_id)
       SELECT $1, g.project_id, $2, g.role_id FROM unnest($3::uuid[], $4::uuid[]) AS g(project_id, role_id)
       ON CONFLICT (project_id, user_id) WHERE user_id IS NOT NULL DO UPDATE SET role_id = EXCLUDED.role_id`,
      [organizationId, userId, grants.map((g) => g.projectId), grants.map((g) => g.roleId)],
    );
  }

  async permissionsOn(em: EntityManager, projectIds: readonly string[], userId: string, scope: TokenScope | null): Promise<Array<ProjectPermission[] | null>> {
    const held = await effectivePermissionsLoader(em).loadMany(projectIds.map((projectId) => pairKey(projectId, userId)));
    return held.map((standing) => {
      if (standing instanceof Error) throw standing;
      return standing && scopeReaches(scope, standing.organizationId) ? scopedProjectPermissions(standing.permissions, scope) : null;
    });
  }

  private async project(em: EntityManager, projectId: string, lock = false): Promise<Project> {
    return rowById(em, Project, projectId, lock);
  }

  /** The creator is granted the built-in Owner role. */
  async create(actorId: string, input: CreateProjectInput): Promise<Project> {
    return this.deps.dataSource.transaction(async (em) => {
      const project = await em.save(
        em.create(Project, { organizationId: input.organizationId, name: trimmed(input.name), description: optionalText(input.description) ?? null }),
      );
      await this.grantToUser(em, project.organizationId, actorId, [{ projectId: project.id, roleId: OWNER_ROLE_ID }]);
      await this.deps.audit.record(em, {
        organizationId: project.organizationId,
        actorId,
        action: 'project.created',
        targetType: 'Project',
        targetId: project.id,
        data: { name: project.name },
      });
      return project;
    });
  }

  async update(actorId: string, input: UpdateProjectInput): Promise<Project> {
    return this.deps.dataSource.transaction(async (em) => {
      const project = await this.project(em, input.projectId, true);
      const before = { ...project };
      if (input.name != null) project.name = trimmed(input.name);
      if (input.description !== undefined) project.description = optionalText(input.description) ?? null;
      const changed = (['name', 'description'] as const).filter((k) => before[k] !== project[k]);
      if (changed.length === 0) return project;
      await em.update(Project, project.id, { name: project.name, description: project.description });
      await this.deps.audit.record(em, {
        organizationId: project.organizationId,
        actorId,
        action: 'project.updated',
        targetType: 'Project',
        targetId: project.id,
        data: { changed, name: project.name },
      });
      return project;
    });
  }

  async delete(actorId: string, projectId: string): Promise<void> {
    if (!isUuid(projectId)) throw new NotFoundError();
    await this.deps.dataSource.transaction(async (em) => {
      const { rows: deleted } = await sqlChange<Record<string, unknown>>(em, `DELETE FROM projects WHERE id = $1 RETURNING organization_id, name`, [projectId]);
      if (deleted.length === 0) throw new NotFoundError();
      const organizationId = deleted[0].organization_id as string;
      await this.deps.audit.record(em, {
        organizationId,
        actorId,
        action: 'project.deleted',
        targetType: 'Project',
        targetId: projectId,
        data: { name: deleted[0].name },
      });
    });
  }

  /**
   * Gives the principal `roleId` on the project, replacing the role it held there. The role is
   * built-in or the project organization's own, and is share-locked so its permissions cannot
   * change before commit; the granter's permissions are read in this transaction, and must
   * cover every permission of the role (no escalation, FORBIDDEN).
   */
  async grant(actorId: string, input: GrantProjectAccessInput, scope: TokenScope | null): Promise<ProjectAccess> {
    const principal = principalOf(input);
    if (!isUuid(input.roleId)) throw new NotFoundError();
    return this.deps.dataSource.transaction(async (em) => {
      const project = await this.project(em, input.projectId);
      const role = await em
        .createQueryBuilder(Role, 'r')
        .where('r.id = :roleId AND (r.organization_id IS NULL OR r.organization_id = :organizationId)', {
          roleId: input.roleId,
          organizationId: project.organizationId,
        })
        .setLock('pessimistic_read')
        .getOne();
      if (!role) throw new NotFoundError();
      await this.requireHoldsRole(em, project, actorId, scope, role, 'grant');
      const subject =
        principal.kind === 'user' ? await this.grantToMember(em, project, principal.id, role.id) : await this.grantToTeam(em, project, principal.id, role.id);
      await this.deps.audit.record(em, {
        organizationId: project.organizationId,
        actorId,
        action: 'project.access_granted',
        targetType: 'Project',
        targetId: project.id,
        data: { principalType: principal.kind === 'user' ? 'User' : 'Team', principalId: principal.id, roleId: role.id, roleName: role.name },
      });
      return { principal: subject, role };
    });
  }

  /** The foreign key to memberships admits only members of the project's organization; others read as NOT_FOUND. */
  private async grantToMember(em: EntityManager, project: Project, userId: string, roleId: string): Promise<User> {
    try {
      await this.grantToUser(em, project.organizationId, userId, [{ projectId: project.id, roleId }]);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new NotFoundError();
      throw error;
    }
    return em.findOneByOrFail(User, { id: userId });
  }

  /** Only a team of the project's organization: the INSERT selects it under that condition. */
  private async grantToTeam(em: EntityManager, project: Project, teamId: string, roleId: string): Promise<Team> {
    const rows = await sqlRows<{ id: string }>(
      em,
      `INSERT INTO project_grants (organization_id, project_id, team_id, role_id)
       SELECT t.organization_id, $2, t.id, $4 FROM teams t WHERE t.id = $3 AND t.organization_id = $1
       ON CONFLICT (project_id, team_id) WHERE team_id IS NOT NULL DO UPDATE SET role_id = EXCLUDED.role_id
       RETURNING id`,
      [project.organizationId, project.id, teamId, roleId],
    );
    if (rows.length === 0) throw new NotFoundError();
    return em.findOneByOrFail(Team, { id: teamId });
  }

  /**
   * The actor's permissions on the project, read in this transaction, must cover every permission
   * of `role` (no escalation, FORBIDDEN): to grant it, and to revoke a grant of it.
   */
  private async requireHoldsRole(
    em: EntityManager,
    project: Project,
    actorId: string,
    scope: TokenScope | null,
    role: Role,
    action: 'grant' | 'revoke',
  ): Promise<void> {
    const [actorPermissions] = await this.permissionsOn(em, [project.id], actorId, scope);
    if (!actorPermissions) throw new NotFoundError();
    if (!canGrantRole(actorPermissions, role.permissions))
      throw new ForbiddenError(`You cannot ${action} a role with permissions you do not hold on this project.`);
  }

  /**
   * NOT_FOUND when the principal holds no role on the project; FORBIDDEN when that role carries
   * a permission the actor lacks there. The grant is locked and its role share-locked until commit.
   */
  async revoke(actorId: string, input: RevokeProjectAccessInput, scope: TokenScope | null): Promise<Project> {
    const principal = principalOf(input);
    return this.deps.dataSource.transaction(async (em) => {
      const project = await this.project(em, input.projectId);
      const column = principal.kind === 'user' ? 'user_id' : 'team_id';
      const [grant] = await sqlRows<{ id: string; role_id: string }>(
        em,
        `SELECT id, role_id FROM project_grants WHERE project_id = $1 AND ${column} = $2 FOR UPDATE`,
        [project.id, principal.id],
      );
      if (!grant) throw new NotFoundError();
      const role = await em.createQueryBuilder(Role, 'r').where('r.id = :id', { id: grant.role_id }).setLock('pessimistic_read').getOneOrFail();
      await this.requireHoldsRole(em, project, actorId, scope, role, 'revoke');
      await em.query(`DELETE FROM project_grants WHERE id = $1`, [grant.id]);
      await this.deps.audit.record(em, {
        organizationId: project.organizationId,
        actorId,
        action: 'project.access_revoked',
        targetType: 'Project',
        targetId: project.id,
        data: { principalType: principal.kind === 'user' ? 'User' : 'Team', principalId: principal.id, roleId: role.id },
      });
      return project;
    });
  }
}
