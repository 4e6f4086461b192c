import { Field, ID, InputType } from 'type-graphql';
import { OrganizationRole } from '../../authz/enums';

@InputType()
export class UpdateMemberRoleInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  userId: string;

  @Field(() => OrganizationRole, { description: 'To or from OWNER needs OWNERS_MANAGE.' })
  role: OrganizationRole;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  userId: string;
}

@InputType()
export class LeaveOrganizationInput {
  @Field(() => ID)
  organizationId: string;
}
