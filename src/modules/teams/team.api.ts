import type { EntityManager } from 'typeorm';
import type { TeamRole } from '../../authz/enums';

/** What other modules may ask of teams, inside their transaction. */
export interface TeamsApi {
  /** The new organization's default team, with its founder as TEAM_ADMIN. */
  createDefault(em: EntityManager, organizationId: string, founderId: string): Promise<void>;
  /** Adds a member of the organization to its teams with `role` (TEAM_MEMBER by default); teams they are in already stay as they are. */
  join(em: EntityManager, organizationId: string, userId: string, teamIds: readonly string[], role?: TeamRole): Promise<void>;
}
