import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum Region {
  EU1 = 'EU1',
  EU2 = 'EU2',
  US1 = 'US1',
  US2 = 'US2',
}
export enum Plan {
  FREE = 'FREE',
  CORE = 'CORE',
  PRO = 'PRO',
  TEAMS = 'TEAMS',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(Region, {
  name: 'Region',
  description: "Where an organization's data is kept; chosen at creation, never changed.",
  valuesConfig: {
    EU1: { description: 'Europe, first region.' },
    EU2: { description: 'Europe, second region.' },
    US1: { description: 'United States, first region.' },
    US2: { description: 'United States, second region.' },
  },
});
registerEnumType(Plan, {
  name: 'Plan',
  description: "An organization's subscription plan (BILLING_MANAGE changes it).",
  valuesConfig: {
    FREE: { description: 'The plan of every new organization.' },
    CORE: { description: 'Core plan.' },
    PRO: { description: 'Pro plan.' },
    TEAMS: { description: 'Teams plan.' },
    ENTERPRISE: { description: 'Enterprise plan.' },
  },
});

@ObjectType({
  description:
    'A customer account: members with organization roles, teams, projects, invitations and an audit log. Every field needs ORGANIZATION_VIEW (membership) unless it says more.',
})
@Entity('organizations')
export class Organization {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: 'The current moniker; former ones keep resolving in organization(moniker:).' })
  @Column({ type: 'varchar', length: 39 })
  moniker: string;

  @Field(() => String, { description: 'Display name (1 to 100 characters).' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Free text, at most 1,000 characters.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  /** Exposed through a field resolver: visible only with ORGANIZATION_SETTINGS_MANAGE. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  notificationEmail: string | null;

  /** Set once the mailbox confirmed its link (CONTRACT.md, Accounts); until then notifications go to the owners. */
  @Column({ type: 'timestamptz', nullable: true })
  notificationEmailVerifiedAt: Date | null;

  @Field(() => Region, { description: 'Where its data is kept; fixed at creation.' })
  @Column({ type: 'varchar', length: 8 })
  region: Region;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, uppercase.' })
  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Field(() => Plan, { description: 'The subscription plan; FREE at creation.' })
  @Column({ type: 'varchar', length: 16, default: Plan.FREE })
  plan: Plan;

  @Field(() => Date, { description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
