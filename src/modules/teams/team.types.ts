import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/pagination';
import { TeamMember } from './team-member.entity';
import { Team } from './team.entity';

export const TeamMemberConnection = connectionTypes(TeamMember, 'TeamMember');

@ObjectType({ description: 'The team a mutation changed.' })
export class TeamPayload {
  @Field(() => Team, { description: 'The team.' })
  team: Team;
}

@ObjectType({ description: 'The deleted team.' })
export class DeleteTeamPayload {
  @Field(() => ID, { description: 'The deleted team.' })
  deletedTeamId: string;
}

@ObjectType({ description: 'The team membership a mutation changed.' })
export class TeamMemberPayload {
  @Field(() => TeamMember, { description: 'The team membership.' })
  member: TeamMember;
}

@ObjectType({ description: 'Who was removed from the team.' })
export class RemoveTeamMemberPayload {
  @Field(() => ID, { description: 'The user who left the team.' })
  removedUserId: string;
}
