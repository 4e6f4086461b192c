import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Whom to make an OWNER of which organization.' })
export class AddOrganizationOwnerInput {
  @Field(() => ID, { description: 'Any organization of the installation.' })
  organizationId: string;

  @Field(() => ID, { description: 'Any account; a member is promoted, anyone else joins as OWNER.' })
  userId: string;
}

@InputType({ description: 'The account to disable.' })
export class DisableUserInput {
  @Field(() => ID, { description: 'Any account but your own and other instance administrators.' })
  userId: string;
}

@InputType({ description: 'The account to enable again.' })
export class EnableUserInput {
  @Field(() => ID, { description: 'A disabled account.' })
  userId: string;
}
