import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/pagination';
import { Plan, Region } from '../organizations/organization.entity';

/** The installation as its administrators see it; only they may read it. */
@ObjectType({ description: 'The whole installation, for instance administrators only (`instance` is FORBIDDEN to everyone else).' })
export class Instance {}

@ObjectType({
  description: "An organization as instance administrators see it: what it is and how big, never its members' data or content.",
})
export class InstanceOrganization {
  @Field(() => ID, { description: 'Stable identifier (the id addOrganizationOwner takes).' })
  id: string;

  @Field(() => String, { description: 'The current moniker.' })
  moniker: string;

  @Field(() => String, { description: 'Display name.' })
  name: string;

  @Field(() => Plan, { description: 'The subscription plan.' })
  plan: Plan;

  @Field(() => Region, { description: 'Where its data is kept.' })
  region: Region;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt: Date;
}

@ObjectType({ description: 'An account as instance administrators see it.' })
export class InstanceUser {
  @Field(() => ID, { description: 'Stable identifier (the id disableUser, enableUser and addOrganizationOwner take).' })
  id: string;

  @Field(() => String, { description: "The account's email address, lowercase." })
  email: string;

  @Field(() => String, { description: 'Display name.' })
  name: string;

  @Field(() => Boolean, { description: 'True while disabled: no session, access token or login works.' })
  disabled: boolean;

  @Field(() => Boolean, { description: 'Whether the account administers the installation.' })
  isInstanceAdmin: boolean;

  @Field(() => Date, { description: 'When the account was created.' })
  createdAt: Date;
}

export const InstanceOrganizationConnection = connectionTypes(InstanceOrganization, 'InstanceOrganization');
export const InstanceUserConnection = connectionTypes(InstanceUser, 'InstanceUser');

@ObjectType({ description: 'The account an instance action changed.' })
export class InstanceUserPayload {
  @Field(() => InstanceUser, { description: 'The account, as it is now.' })
  user: InstanceUser;
}
