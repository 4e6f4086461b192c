import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';

// simpleResolvers: its plain fields are read as properties, without type-graphql's wrapper (a members page reads hundreds).
@ObjectType({
  simpleResolvers: true,
  description: 'A group of members of one organization; grants on projects can name a team. TEAM_ADMINs manage their team; TEAMS_MANAGE covers every team.',
})
@Entity('teams')
// Expression and partial indexes live in the migration; TypeORM cannot describe them.
@Index('teams_organization_id_name', { synchronize: false })
@Index('teams_one_default', { synchronize: false })
export class Team {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Field(() => String, { description: 'Unique within the organization, case-insensitively.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Free text, at most 1,000 characters.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Field(() => Boolean, { description: 'The team new members join by default; it can be renamed, never deleted.' })
  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;
}
