import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/pagination';
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
