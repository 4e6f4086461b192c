import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, Index, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';

// simpleResolvers: its plain fields are read as properties, without type-graphql's wrapper (a members page reads hundreds).
@ObjectType({
  simpleResolvers: true,
  description: 'A person with an account. Their email is visible only to themselves and to members holding MEMBERS_MANAGE in a shared organization.',
})
@Entity('users')
@Check('users_email_lowercase', 'email = lower(email)')
// Trigram indexes for member search live in a migration; TypeORM cannot describe them.
@Index('users_name_trgm', { synchronize: false })
@Index('users_email_trgm', { synchronize: false })
export class User {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Exposed through a field resolver: visible to the user and to MEMBERS_MANAGE holders. Stored lowercase. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email: string;

  @Field(() => String, { description: 'Display name.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  activeOrganizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'active_organization_id' })
  activeOrganization?: Organization;

  /** Runs the whole installation (CONTRACT.md, Administration); granted from the command line only. */
  @Column({ type: 'boolean', default: false })
  isInstanceAdmin: boolean;

  /** Set while an instance administrator has disabled the account: no session, token or login works. */
  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
