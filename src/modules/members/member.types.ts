import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/pagination';
import { Membership } from './membership.entity';

export const MemberConnection = connectionTypes(Membership, 'Member');

@ObjectType()
export class MemberPayload {
  @Field(() => Membership)
  member: Membership;
}

@ObjectType()
export class RemoveMemberPayload {
  @Field(() => ID)
  removedUserId: string;
}

@ObjectType()
export class LeaveOrganizationPayload {
  @Field(() => ID)
  leftOrganizationId: string;
}
