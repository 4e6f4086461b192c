import { Field, ID, InputType } from 'type-graphql';
import { OrganizationRole } from '../../authz/enums';

@InputType({ description: 'Whose organization role to change, and to what.' })
export class UpdateMemberRoleInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @Field(() => ID, { description: 'The member whose role changes.' })
  userId: string;

  @Field(() => OrganizationRole, { description: 'To or from OWNER needs OWNERS_MANAGE.' })
  role: OrganizationRole;
}

@InputType({ description: 'Whom to remove from which organization.' })
export class RemoveMemberInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @Field(() => ID, { description: 'The member to remove; an OWNER needs OWNERS_MANAGE.' })
  userId: string;
}

@InputType({ description: 'The organization to leave.' })
export class LeaveOrganizationInput {
  @Field(() => ID, { description: 'An organization the viewer belongs to.' })
  organizationId: string;
}
