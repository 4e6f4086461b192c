import type { ModuleRegistration } from '../../graphql/module';
import { createTeamLoaders } from './team.loaders';
import { TeamMember } from './team-member.entity';
import { Team } from './team.entity';
import { MemberTeamsResolver, OrganizationTeamsResolver, TeamMemberResolver, TeamResolver } from './team.resolver';
import { TeamService, type TeamDeps } from './team.service';

export const teamsModule = {
  entities: [Team, TeamMember],
  resolvers: [TeamResolver, TeamMemberResolver, MemberTeamsResolver, OrganizationTeamsResolver],
  loaders: createTeamLoaders,
  service: (deps: TeamDeps) => new TeamService(deps),
} satisfies ModuleRegistration<TeamDeps, TeamService>;

declare module '../../graphql/context' {
  interface Loaders extends ReturnType<typeof createTeamLoaders> {}
  interface Services {
    teams: TeamService;
  }
}
