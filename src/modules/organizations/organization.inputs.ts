import { Field, ID, InputType } from 'type-graphql';
import { EmailField, NameField, TextField } from '../../graphql/fields';
import { Satisfies } from '../../graphql/validators';
import { countryProblem } from './country';
import { monikerProblem } from './moniker';
import { Plan, Region } from './organization.entity';

@InputType({ description: 'A new organization; the creator becomes its OWNER.' })
export class CreateOrganizationInput {
  @NameField({ description: '1 to 100 characters.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Derived from the name when omitted.' })
  @Satisfies(monikerProblem)
  moniker?: string | null;

  @TextField({ description: 'At most 1,000 characters.' })
  description?: string | null;

  @Field(() => Region, { description: 'Fixed at creation.' })
  region: Region;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @Satisfies(countryProblem)
  country?: string | null;
}

@InputType({ description: "The organization's settings to change; omitted fields stay as they are." })
export class UpdateOrganizationInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @NameField({ nullable: true, description: '1 to 100 characters.' })
  name?: string | null;

  @TextField({ description: 'Set to null or "" to clear.' })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '3 to 39 lowercase letters, digits and single hyphens; free among every current and former moniker (else CONFLICT).',
  })
  @Satisfies(monikerProblem)
  moniker?: string | null;

  @EmailField({
    nullable: true,
    description:
      'Where notifications go once confirmed: setting it mails that address a link (<PUBLIC_URL>/verify-email?token=), and until verifyEmail takes it notifications go to each owner; null sends them to each owner.',
  })
  notificationEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; null clears it.' })
  @Satisfies(countryProblem)
  country?: string | null;
}

@InputType({ description: "The organization's new plan." })
export class ChangePlanInput {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @Field(() => Plan, { description: 'The new plan.' })
  plan: Plan;
}

@InputType({ description: 'The organization to delete, confirmed by its moniker.' })
export class DeleteOrganizationInput {
  @Field(() => ID, { description: 'The organization to delete, with everything it holds.' })
  organizationId: string;

  @Field(() => String, { description: 'Must equal the current moniker.' })
  confirmMoniker: string;
}
