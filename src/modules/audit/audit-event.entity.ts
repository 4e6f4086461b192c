import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';

/** Append-only record of a change to an organization. */
@ObjectType({ description: 'One change made to an organization (append-only), readable with AUDIT_LOG_VIEW.' })
@Entity('audit_events')
@Index(['organizationId', 'createdAt', 'id'])
export class AuditEvent {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Field(() => String, { description: '`noun.verb`, e.g. member.role_changed.' })
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Field(() => String, { nullable: true, description: 'What kind of thing changed (e.g. member, invitation, team), when one thing did.' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  @Field(() => ID, { nullable: true, description: 'The id of the thing that changed, when one thing did.' })
  @Column({ type: 'uuid', nullable: true })
  targetId: string | null;

  /** What changed; never a token or a password. */
  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  @Field(() => Date, { description: 'When it happened.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;
}
