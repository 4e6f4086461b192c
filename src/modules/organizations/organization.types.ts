import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/pagination';
import { User } from '../auth/user.entity';
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

@ObjectType({ description: 'The viewer with their new active organization.' })
export class SwitchOrganizationPayload {
  @Field(() => User, { description: 'The viewer, whose activeOrganization is now the chosen one.' })
  viewer: User;
}
