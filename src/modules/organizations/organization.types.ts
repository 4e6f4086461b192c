import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/pagination';
import { Organization } from './organization.entity';

export const OrganizationConnection = connectionTypes(Organization, 'Organization');

@ObjectType({ description: 'The organization a mutation changed.' })
export class OrganizationPayload {
  @Field(() => Organization, { description: 'The organization.' })
  organization: Organization;
}

@ObjectType({ description: 'The deleted organization.' })
export class DeleteOrganizationPayload {
  @Field(() => ID, { description: 'The deleted organization.' })
  deletedOrganizationId: string;
}
