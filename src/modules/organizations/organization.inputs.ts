import { Field, ID, InputType } from 'type-graphql';
import { EmailField, NameField, TextField } from '../../graphql/fields';
import { Satisfies } from '../../graphql/validators';
import { countryProblem } from './country';
import { monikerProblem } from './moniker';
import { Plan, Region } from './organization.entity';

@InputType()
export class CreateOrganizationInput {
  @NameField()
  name: string;

  @Field(() => String, { nullable: true, description: 'Derived from the name when omitted.' })
  @Satisfies(monikerProblem)
  moniker?: string | null;

  @TextField()
  description?: string | null;

  @Field(() => Region, { description: 'Fixed at creation.' })
  region: Region;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @Satisfies(countryProblem)
  country?: string | null;
}

@InputType()
export class UpdateOrganizationInput {
  @Field(() => ID)
  organizationId: string;

  @NameField({ nullable: true })
  name?: string | null;

  @TextField({ description: 'Set to null or "" to clear.' })
  description?: string | null;

  @Field(() => String, { nullable: true })
  @Satisfies(monikerProblem)
  moniker?: string | null;

  @EmailField({ nullable: true, description: 'Where notifications go; null sends them to each owner.' })
  notificationEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; null clears it.' })
  @Satisfies(countryProblem)
  country?: string | null;
}

@InputType()
export class ChangePlanInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => Plan)
  plan: Plan;
}

@InputType()
export class DeleteOrganizationInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => String, { description: 'Must equal the current moniker.' })
  confirmMoniker: string;
}
