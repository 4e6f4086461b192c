import type { DataSource, EntityManager } from 'typeorm';
import { TeamRole } from '../../authz/enums';
import type { AuditRecorder } from '../../common/audit';
import { ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { rowById } from '../../db/rows';
import { optionalText, trimmed } from '../../common/text';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/pg-errors';
import type { OrganizationsApi } from '../organizations/organization.api';
import type { TeamsApi } from './team.api';
import { TeamMember } from './team-member.entity';
import { toTeamMember } from './team.loaders';
import { Team } from './team.entity';
import type { AddTeamMemberInput, CreateTeamInput, RemoveTeamMemberInput, UpdateTeamInput, UpdateTeamMemberRoleInput } from './team.inputs';
import { sqlChange, sqlRows } from '../../db/sql';

const NAME_TAKEN = 'A team with this name already exists in the organization.';

/** Team names are unique per organization, case-insensitively: the index decides, races included. */
async function uniqueName<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error, 'teams_organization_id_name')) throw new ConflictError(NAME_TAKEN);
    throw error;
  }
}

/** TypeORM answers UPDATE and DELETE with [rows, count]; these statements RETURN the rows they touched. */

/**
 * Teams and their members. Who may act is decided by the shield rules (TEAMS_MANAGE, or
 * TEAM_ADMIN of the team); these methods keep the rules the data must obey.
 */
export const DEFAULT_TEAM_NAME = 'My team';

export interface TeamDeps {
  dataSource: DataSource;
  organizations: OrganizationsApi;
  audit: AuditRecorder;
}

export class TeamService implements TeamsApi {
  constructor(private readonly deps: TeamDeps) {}

  async createDefault(em: EntityManager, organizationId: string, founderId: string): Promise<void> {
    const team = await em.save(em.create(Team, { organizationId, name: DEFAULT_TEAM_NAME, isDefault: true, description: null }));
    await em.insert(TeamMember, { teamId: team.id, organizationId, userId: founderId, role: TeamRole.TEAM_ADMIN });
  }

  async join(em: EntityManager, organizationId: string, userId: string, teamIds: readonly string[], role = TeamRole.TEAM_MEMBER): Promise<void> {
    await em.query(
      `INSERT INTO team_members (team_id, user_id, organization_id, role)
       SELECT team_id, $2, $1, $4 FROM unnest($3::uuid[]) AS team_id
       ON CONFLICT DO NOTHING`,
      [organizationId, userId, [...teamIds], role],
    );
  }

  private async team(em: EntityManager, teamId: string, lock = false): Promise<Team> {
    return rowById(em, Team, teamId, lock);
  }

  async create(actorId: string, input: CreateTeamInput): Promise<Team> {
    return this.deps.dataSource.transaction(async (em) => {
      const team = await uniqueName(
        em.save(
          em.create(Team, {
            organizationId: input.organizationId,
            name: trimmed(input.name),
            description: optionalText(input.description) ?? null,
            isDefault: false,
          }),
        ),
      );
      await this.deps.audit.record(em, {
        organizationId: team.organizationId,
        actorId,
        action: 'team.created',
        targetType: 'Team',
        targetId: team.id,
        data: { name: team.name },
      });
      return team;
    });
  }

  async update(actorId: string, input: UpdateTeamInput): Promise<Team> {
    return this.deps.dataSource.transaction(async (em) => {
      const team = await this.team(em, input.teamId, true);
      const before = { ...team };
      if (input.name != null) team.name = trimmed(input.name);
      if (input.description !== undefined) team.description = optionalText(input.description) ?? null;
      await uniqueName(em.update(Team, team.id, { name: team.name, description: team.description }));
      const audit = { organizationId: team.organizationId, actorId, targetType: 'Team', targetId: team.id };
      if (before.name !== team.name) await this.deps.audit.record(em, { ...audit, action: 'team.renamed', data: { from: before.name, to: team.name } });
      if (before.description !== team.description) await this.deps.audit.record(em, { ...audit, action: 'team.updated', data: { changed: ['description'] } });
      return team;
    });
  }

  /**
   * Never the default team, never the organization's last team (CONFLICT). The organization row
   * is locked so team deletions in one organization run one at a time, and the DELETE itself
   * carries both conditions.
   */
  async delete(actorId: string, teamId: string): Promise<void> {
    await this.deps.dataSource.transaction(async (em) => {
      const { organizationId } = await this.team(em, teamId);
      await this.deps.organizations.lock(em, organizationId);
      const { rows: deleted } = await sqlChange<Record<string, unknown>>(
        em,
        `DELETE FROM teams t WHERE t.id = $1 AND NOT t.is_default
            AND EXISTS (SELECT 1 FROM teams o WHERE o.organization_id = t.organization_id AND o.id <> t.id)
         RETURNING t.id, t.name`,
        [teamId],
      );
      if (deleted.length === 0) {
        const team = await this.team(em, teamId);
        throw new ConflictError(team.isDefault ? 'The default team cannot be deleted.' : 'An organization keeps at least one team.');
      }
      await this.deps.audit.record(em, {
        organizationId,
        actorId,
        action: 'team.deleted',
        targetType: 'Team',
        targetId: teamId,
        data: { name: deleted[0].name },
      });
    });
  }

  /**
   * Only members of the team's organization can join it: the foreign key to memberships says
   * so in the same statement, and a non-member reads as NOT_FOUND, like any foreign id.
   */
  async addMember(actorId: string, input: AddTeamMemberInput): Promise<TeamMember> {
    if (!isUuid(input.teamId) || !isUuid(input.userId)) throw new NotFoundError();
    return this.deps.dataSource.transaction(async (em) => {
      let rows: Array<Record<string, unknown>>;
      try {
        rows = await sqlRows<Record<string, unknown>>(
          em,
          `INSERT INTO team_members (team_id, organization_id, user_id, role)
           SELECT t.id, t.organization_id, $2, $3 FROM teams t WHERE t.id = $1
           RETURNING *`,
          [input.teamId, input.userId, input.role ?? TeamRole.TEAM_MEMBER],
        );
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new NotFoundError();
        if (isUniqueViolation(error)) throw new ConflictError('This user is already in the team.');
        throw error;
      }
      if (rows.length === 0) throw new NotFoundError();
      const member = toTeamMember(rows[0]);
      await this.deps.audit.record(em, {
        organizationId: member.organizationId,
        actorId,
        action: 'team.member_added',
        targetType: 'Team',
        targetId: member.teamId,
        data: { userId: member.userId, role: member.role },
      });
      return member;
    });
  }

  async updateMemberRole(actorId: string, input: UpdateTeamMemberRoleInput): Promise<TeamMember> {
    if (!isUuid(input.teamId) || !isUuid(input.userId)) throw new NotFoundError();
    return this.deps.dataSource.transaction(async (em) => {
      const { rows } = await sqlChange<Record<string, unknown>>(
        em,
        `UPDATE team_members tm SET role = $3
           FROM (SELECT team_id, user_id, role AS previous_role FROM team_members WHERE team_id = $1 AND user_id = $2 FOR UPDATE) before
          WHERE tm.team_id = before.team_id AND tm.user_id = before.user_id
         RETURNING tm.*, before.previous_role`,
        [input.teamId, input.userId, input.role],
      );
      if (rows.length === 0) throw new NotFoundError();
      const member = toTeamMember(rows[0]);
      if (rows[0].previous_role !== member.role) {
        await this.deps.audit.record(em, {
          organizationId: member.organizationId,
          actorId,
          action: 'team.member_role_changed',
          targetType: 'Team',
          targetId: member.teamId,
          data: { userId: member.userId, from: rows[0].previous_role, to: member.role },
        });
      }
      return member;
    });
  }

  async removeMember(actorId: string, input: RemoveTeamMemberInput): Promise<void> {
    if (!isUuid(input.teamId) || !isUuid(input.userId)) throw new NotFoundError();
    await this.deps.dataSource.transaction(async (em) => {
      const { rows } = await sqlChange<Record<string, unknown>>(em, `DELETE FROM team_members WHERE team_id = $1 AND user_id = $2 RETURNING *`, [
        input.teamId,
        input.userId,
      ]);
      if (rows.length === 0) throw new NotFoundError();
      const member = toTeamMember(rows[0]);
      await this.deps.audit.record(em, {
        organizationId: member.organizationId,
        actorId,
        action: 'team.member_removed',
        targetType: 'Team',
        targetId: member.teamId,
        data: { userId: member.userId, role: member.role },
      });
    });
  }
}
