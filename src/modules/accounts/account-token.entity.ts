import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AccountLinkPurpose } from '../mail/mail.api';
import { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';

/**
 * A one-time account link (CONTRACT.md, Accounts): email verification, password reset, email
 * change, notification mailbox confirmation. One live link per account (or organization) and
 * purpose: a newer request replaces the row, so older links are GONE. Only the SHA-256 of the
 * token is kept, minted by the mail job when it runs (the raw token exists only in the email);
 * `request_id` names the request whose job may mint it. A link is used by deleting its row.
 */
@Entity('account_tokens')
@Check('account_tokens_one_subject', '(user_id IS NULL) <> (organization_id IS NULL)')
@Index('account_tokens_one_per_user', ['purpose', 'userId'], { unique: true, where: '"user_id" IS NOT NULL' })
@Index('account_tokens_one_per_organization', ['purpose', 'organizationId'], { unique: true, where: '"organization_id" IS NOT NULL' })
export class AccountToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  purpose: AccountLinkPurpose;

  /** The account, for every purpose but mailbox_verification. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The organization whose notification mailbox is confirmed (mailbox_verification only). */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** The address the link goes to (and proves): the account's, the new one, or the mailbox. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'uuid', unique: true })
  requestId: string;

  @Column({ type: 'bytea', nullable: true, unique: true })
  tokenHash: Buffer | null;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
