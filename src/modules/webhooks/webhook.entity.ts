import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { columnIsOneOf } from '../../db/checks';
import { Organization } from '../organizations/organization.entity';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  RETRYING = 'RETRYING',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not attempted yet (or redelivery asked for).' },
    SUCCEEDED: { description: 'The receiver answered 2xx.' },
    RETRYING: { description: 'An attempt failed; the next one is due at nextAttemptAt.' },
    FAILED: { description: 'Every attempt failed, or the webhook is gone or disabled; redeliverWebhookDelivery tries again.' },
  },
});

/** An HTTPS endpoint that receives an organization's events, signed per Standard Webhooks. */
@ObjectType({ description: 'An endpoint that receives the organization’s events (CONTRACT.md, Events). Needs WEBHOOKS_MANAGE.' })
@Entity('webhooks')
@Index(['organizationId', 'createdAt', 'id'])
export class Webhook {
  @Field(() => ID, { description: 'The webhook’s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Field(() => String, { description: 'Where events are POSTed: https:// (http:// only where the server allows it).' })
  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Field(() => [String], { description: 'The actions it receives: exact (`member.invited`), a family (`member.*`) or `*` for all.' })
  @Column({ type: 'varchar', length: 64, array: true })
  actions: string[];

  @Field(() => String, { nullable: true, description: 'Free text for the people who manage it.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Field(() => Boolean, { description: 'False: no new deliveries. Set by updateWebhook, or by the server after 3 days of failed deliveries.' })
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** The signing secret, AES-256-GCM encrypted with WEBHOOK_SECRET_KEY (see webhook-secrets.ts). */
  @Column({ type: 'text' })
  secretEncrypted: string;

  /** The secret before the last rotation: it keeps signing beside the new one until previousSecretExpiresAt. */
  @Column({ type: 'text', nullable: true })
  previousSecretEncrypted: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  /** Since when every attempt has failed; null after a success. Three days of it disables the webhook. */
  @Column({ type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @Field(() => Date, { description: 'When it was created.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;
}

/** One message to one webhook: its attempts share one webhook-id (`msg_<id>`). */
@ObjectType({ description: 'One event (or ping) sent to a webhook, with its attempts.' })
@Entity('webhook_deliveries')
@Index(['webhookId', 'createdAt', 'id'])
@Check('webhook_deliveries_status', columnIsOneOf('status', WebhookDeliveryStatus))
export class WebhookDelivery {
  @Field(() => ID, { description: 'The delivery’s id; the webhook-id header is `msg_` and this id, the same on every attempt.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id' })
  webhook?: Webhook;

  @Column({ type: 'uuid' })
  organizationId: string;

  /** The audit event it carries; null for a ping. */
  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @Field(() => String, { description: 'The event’s action, or `webhook.ping`.' })
  @Column({ type: 'varchar', length: 64 })
  action: string;

  /** The JSON body, fixed when the delivery is made, so every attempt sends the same bytes. */
  @Column({ type: 'text' })
  body: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Where it stands.' })
  @Column({ type: 'varchar', length: 16, default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer; null when none came (network error, timeout, refused address).' })
  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  /** The first bytes of the last answer, or why the last attempt failed; never more (see MAX_EXCERPT). */
  @Column({ type: 'varchar', length: 512, nullable: true })
  lastResult: string | null;

  @Field(() => Date, { description: 'When it was made.' })
  @CreateDateColumn({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due; null when none is.' })
  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;
}
