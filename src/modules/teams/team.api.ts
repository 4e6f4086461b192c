import type { EntityManager } from 'typeorm';

/** What other modules may ask of teams, inside their transaction. */
export interface TeamsApi {
  /** The new organization's default team, with its founder as TEAM_ADMIN. */
  createDefault(em: EntityManager, organizationId: string, founderId: string): Promise<void>;
  /** Adds a member of the organization to its teams as TEAM_MEMBER; teams they are in already stay as they are. */
  join(em: EntityManager, organizationId: string, userId: string, teamIds: readonly string[]): Promise<void>;
}
