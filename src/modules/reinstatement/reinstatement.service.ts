import type { DataSource, EntityManager } from 'typeorm';
import { TeamRole } from '../../authz/enums';
import type { AuditRecorder } from '../../common/audit';
import { sqlChange, sqlRows } from '../../db/sql';
import type { ProjectsApi } from '../projects/project.api';
import type { TeamsApi } from '../teams/team.api';
import type { RemovedProjectGrant, RemovedTeamMembership } from './member-removal.entity';
import { REINSTATEMENT_DAYS, type ReinstatementApi } from './reinstatement.api';

export interface ReinstatementDeps {
  dataSource: DataSource;
  teams: TeamsApi;
  projects: ProjectsApi;
  audit: AuditRecorder;
}

const KEPT = `interval '${REINSTATEMENT_DAYS} days'`;

/** Remembers what departing members held, and gives it back on a reinstating invitation; member_removals is written here only. */
export class ReinstatementService implements ReinstatementApi {
  constructor(private readonly deps: ReinstatementDeps) {}

  async remember(em: EntityManager, organizationId: string, userId: string): Promise<void> {
    await em.query(
      `INSERT INTO member_removals (organization_id, user_id, teams, project_grants, removed_at)
       SELECT $1, $2,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('teamId', team_id, 'role', role) ORDER BY team_id)
                          FROM team_members WHERE organization_id = $1 AND user_id = $2), '[]'),
              COALESCE((SELECT jsonb_agg(jsonb_build_object('projectId', project_id, 'roleId', role_id) ORDER BY project_id)
                          FROM project_grants WHERE organization_id = $1 AND user_id = $2), '[]'),
              now()
       ON CONFLICT (organization_id, user_id) DO UPDATE
         SET teams = EXCLUDED.teams, project_grants = EXCLUDED.project_grants, removed_at = EXCLUDED.removed_at`,
      [organizationId, userId],
    );
  }

  async restore(em: EntityManager, organizationId: string, userId: string, actorId: string | null): Promise<boolean> {
    const {
      rows: [taken],
    } = await sqlChange<{ teams: RemovedTeamMembership[]; project_grants: RemovedProjectGrant[] }>(
      em,
      `DELETE FROM member_removals WHERE organization_id = $1 AND user_id = $2 AND removed_at > now() - ${KEPT} RETURNING teams, project_grants`,
      [organizationId, userId],
    );
    if (!taken) return false;
    // What still exists, key-share locked so a racing delete waits for this transaction (or wins before it and is left out).
    const teams = await sqlRows<RemovedTeamMembership>(
      em,
      `SELECT t.id AS "teamId", r.role FROM teams t JOIN jsonb_to_recordset($2::jsonb) AS r("teamId" uuid, role text) ON r."teamId" = t.id
        WHERE t.organization_id = $1 FOR KEY SHARE OF t`,
      [organizationId, JSON.stringify(taken.teams)],
    );
    const grants = await sqlRows<RemovedProjectGrant>(
      em,
      `SELECT p.id AS "projectId", ro.id AS "roleId"
         FROM jsonb_to_recordset($2::jsonb) AS g("projectId" uuid, "roleId" uuid)
         JOIN projects p ON p.id = g."projectId" AND p.organization_id = $1
         JOIN roles ro ON ro.id = g."roleId" AND (ro.organization_id IS NULL OR ro.organization_id = $1)
        FOR KEY SHARE OF p, ro`,
      [organizationId, JSON.stringify(taken.project_grants)],
    );
    for (const role of [TeamRole.TEAM_ADMIN, TeamRole.TEAM_MEMBER]) {
      const teamIds = teams.filter((t) => t.role === role).map((t) => t.teamId);
      if (teamIds.length > 0) await this.deps.teams.join(em, organizationId, userId, teamIds, role);
    }
    if (grants.length > 0) await this.deps.projects.grantToUser(em, organizationId, userId, grants);
    await this.deps.audit.record(em, {
      organizationId,
      actorId,
      action: 'member.reinstated',
      targetType: 'User',
      targetId: userId,
      data: { teams, projectGrants: grants, leftOut: { teams: taken.teams.length - teams.length, projectGrants: taken.project_grants.length - grants.length } },
    });
    return true;
  }

  /** Forgets departures older than 90 days (the pruning job); returns how many. */
  async prune(): Promise<number> {
    const { affected } = await sqlChange(this.deps.dataSource, `DELETE FROM member_removals WHERE removed_at <= now() - ${KEPT}`);
    return affected;
  }
}
