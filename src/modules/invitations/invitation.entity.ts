import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { columnIsOneOf } from '../../db/checks';
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
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands.',
  valuesConfig: {
    PENDING: { description: 'Sent, not answered; the token works until `expiresAt`.' },
    ACCEPTED: { description: 'The invitee became a member.' },
    DECLINED: { description: 'The token holder declined.' },
    REVOKED: { description: 'Revoked by a MEMBERS_INVITE holder, or because its inviter left.' },
    EXPIRED: { description: 'Not answered before `expiresAt`; a resend makes it PENDING again.' },
  },
});

@ObjectType({
  description: 'An invitation to join an organization, as its MEMBERS_INVITE holders see it. The token holder of a public decline sees only `id` and `status`.',
})
@Entity('invitations')
@Index('invitations_one_pending', ['organizationId', 'email'], { unique: true, where: `status = 'PENDING'` })
@Check('invitations_role', columnIsOneOf('role', OrganizationRole))
@Check('invitations_status', columnIsOneOf('status', InvitationStatus))
@Check('invitations_email_lowercase', 'email = lower(email)')
@Index(['organizationId', 'createdAt', 'id'])
export class Invitation {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Field(() => String, { description: 'The invited address, lowercase.' })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Field(() => String, { nullable: true, description: "The invitee's name, if the inviter gave one." })
  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @Field(() => OrganizationRole, { description: 'The organization role the invitee receives on acceptance.' })
  @Column({ type: 'varchar', length: 16 })
  role: OrganizationRole;

  @Field(() => String, { nullable: true, description: "The inviter's note, shown in the email." })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  /** As stored; the GraphQL status reads EXPIRED for a PENDING row past expiresAt. */
  @Column({ name: 'status', type: 'varchar', length: 16, default: InvitationStatus.PENDING })
  storedStatus: InvitationStatus;

  /** SHA-256 of the current token; null until the mail job has minted one. */
  @Column({ type: 'bytea', nullable: true, unique: true })
  tokenHash: Buffer | null;

  @Field(() => Date, { description: 'When the token stops working: 7 days (or the chosen days) after it was last sent.' })
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => Int, { description: 'How many times it was sent (1, plus one per resend).' })
  @Column({ type: 'integer', default: 1 })
  sentCount: number;

  @Field(() => Date, { description: 'When it was last sent.' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSentAt: Date;

  /** Accepting restores what the invitee held when they left in the last 90 days (src/modules/reinstatement). */
  @Column({ type: 'boolean', default: false })
  reinstate: boolean;

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

  @Field(() => Date, { description: 'When it was first sent.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Field(() => InvitationStatus, { description: 'Where it stands; EXPIRED once `expiresAt` has passed.' })
  get status(): InvitationStatus {
    if (this.storedStatus === InvitationStatus.PENDING && this.expiresAt.getTime() <= Date.now()) {
      return InvitationStatus.EXPIRED;
    }
    return this.storedStatus;
  }
}
