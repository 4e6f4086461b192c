import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/pagination';
import { User } from '../auth/user.entity';
import { Organization } from './organization.entity';

export const OrganizationConnection = connectionTypes(Organization, 'Organization');

@ObjectType()
export class OrganizationPayload {
  @Field(() => Organization)
  organization: Organization;
}

@ObjectType()
export class DeleteOrganizationPayload {
  @Field(() => ID)
  deletedOrganizationId: string;
}

@ObjectType()
export class SwitchOrganizationPayload {
  @Field(() => User)
  viewer: User;
}
