import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/pagination';
import { TeamMember } from './team-member.entity';
import { Team } from './team.entity';

export const TeamMemberConnection = connectionTypes(TeamMember, 'TeamMember');

@ObjectType()
export class TeamPayload {
  @Field(() => Team)
  team: Team;
}

@ObjectType()
export class DeleteTeamPayload {
  @Field(() => ID)
  deletedTeamId: string;
}

@ObjectType()
export class TeamMemberPayload {
  @Field(() => TeamMember)
  member: TeamMember;
}

@ObjectType()
export class RemoveTeamMemberPayload {
  @Field(() => ID)
  removedUserId: string;
}
