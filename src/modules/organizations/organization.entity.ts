import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum Region { EU1 = 'EU1', EU2 = 'EU2', US1 = 'US1', US2 = 'US2' }
export enum Plan { FREE = 'FREE', CORE = 'CORE', PRO = 'PRO', TEAMS = 'TEAMS', ENTERPRISE = 'ENTERPRISE' }
registerEnumType(Region, { name: 'Region' });
registerEnumType(Plan, { name: 'Plan' });

@ObjectType()
@Entity('organizations')
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { description: 'The current moniker; former ones keep resolving in organization(moniker:).' })
  @Column({ type: 'varchar', length: 39 })
  moniker: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  /** Exposed through a field resolver: visible only with ORGANIZATION_SETTINGS_MANAGE. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  notificationEmail: string | null;

  @Field(() => Region)
  @Column({ type: 'varchar', length: 8 })
  region: Region;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, uppercase.' })
  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Field(() => Plan)
  @Column({ type: 'varchar', length: 16, default: Plan.FREE })
  plan: Plan;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
