import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationRole } from '../../authz/enums';
import { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

@ObjectType()
@Entity('invitations')
@Index('invitations_one_pending', ['organizationId', 'email'], { unique: true, where: `status = 'PENDING'` })
@Check('invitations_role', `role IN ('OWNER', 'ADMIN', 'MEMBER', 'ACCOUNTANT')`)
@Check('invitations_status', `status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED', 'EXPIRED')`)
@Check('invitations_email_lowercase', 'email = lower(email)')
@Index(['organizationId', 'createdAt', 'id'])
export class Invitation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Field(() => String)
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @Field(() => OrganizationRole)
  @Column({ type: 'varchar', length: 16 })
  role: OrganizationRole;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  /** As stored; the GraphQL status reads EXPIRED for a PENDING row past expiresAt. */
  @Column({ name: 'status', type: 'varchar', length: 16, default: InvitationStatus.PENDING })
  storedStatus: InvitationStatus;

  /** SHA-256 of the current token; null until the mail job has minted one. */
  @Column({ type: 'bytea', nullable: true, unique: true })
  tokenHash: Buffer | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => Int)
  @Column({ type: 'integer', default: 1 })
  sentCount: number;

  @Field(() => Date)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSentAt: Date;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_id' })
  invitedBy?: User;

  @Column({ type: 'uuid', nullable: true })
  acceptedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_by_id' })
  acceptedBy?: User;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Field(() => InvitationStatus)
  get status(): InvitationStatus {
    if (this.storedStatus === InvitationStatus.PENDING && this.expiresAt.getTime() <= Date.now()) {
      return InvitationStatus.EXPIRED;
    }
    return this.storedStatus;
  }
}
