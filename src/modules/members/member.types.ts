import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/pagination';
import { Membership } from './membership.entity';

export const MemberConnection = connectionTypes(Membership, 'Member');

@ObjectType({ description: 'The membership a mutation changed.' })
export class MemberPayload {
  @Field(() => Membership, { description: 'The membership.' })
  member: Membership;
}

@ObjectType({ description: 'Who was removed.' })
export class RemoveMemberPayload {
  @Field(() => ID, { description: 'The user who is no longer a member.' })
  removedUserId: string;
}

@ObjectType({ description: 'The organization the viewer left.' })
export class LeaveOrganizationPayload {
  @Field(() => ID, { description: 'The organization left.' })
  leftOrganizationId: string;
}
