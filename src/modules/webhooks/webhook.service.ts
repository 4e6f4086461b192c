import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry, AuditRecorder } from '../../common/audit';
import { ForbiddenError } from '../../common/errors';
import { optionalText } from '../../common/text';
import type { Config } from '../../config/config';
import type { Logger } from '../../config/logger';
import { sendJob } from '../../db/job-queue';
import type { MailApi } from '../mail/mail.api';
import { postToTarget, type AttemptResult } from './webhook-sender';
import { decryptSecret, encryptSecret, newSecret, signatureHeaders } from './webhook-secrets';
import { checkWebhookUrl, RefusedUrlError, resolveTarget, type UrlPolicy } from './webhook-url';
import { Webhook, WebhookDelivery, WebhookDeliveryStatus } from './webhook.entity';
import type { CreateWebhookInput, UpdateWebhookInput } from './webhook.inputs';
import { rowById } from '../../db/rows';
import { sqlChange, sqlRows } from '../../db/sql';

export const WEBHOOK_QUEUE = 'webhook';

/** A delivery job: which delivery, and how many attempts it had when the job was made (an older job is stale). */
export interface DeliveryJob {
  deliveryId: string;
  attempts: number;
}

/** The event a delivery carries, as the audit log recorded it. */
export interface RecordedEvent {
  id: string;
  organizationId: string;
  action: string;
  actorId: string | null;
  targetType: string | null;
  targetId: string | null;
  createdAt: Date;
}

export interface WebhookRetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait after the first failure; each further wait is `factor` times longer (±10 %). */
  firstDelaySeconds: number;
  factor: number;
}

/** 10 attempts: waits of 10 s, 30 s, 1.5 min, 4.5 min, 13.5 min, 40 min, 2 h, 6 h and 18 h, about 27 hours in all. */
export const DEFAULT_WEBHOOK_RETRY_POLICY: WebhookRetryPolicy = { attempts: 10, firstDelaySeconds: 10, factor: 3 };

/** A webhook whose every attempt has failed for this long is disabled, and the organization told. */
export const FAILING_DAYS_BEFORE_DISABLING = 3;
/** After a rotation, the previous secret keeps signing this long beside the new one. */
const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

export interface WebhookDeps {
  dataSource: DataSource;
  config: Pick<Config, 'webhookSecretKey' | 'webhooksAllowHttp' | 'webhooksAllowPrivateNetworks'>;
  audit: AuditRecorder;
  mail: MailApi;
  logger: Logger;
  retry?: WebhookRetryPolicy;
}

/** The JSON body of a delivery (CONTRACT.md, Events), fixed when the delivery is made. */
function deliveryBody(
  action: string,
  at: Date,
  data: { organizationId: string; eventId: string | null; actorId: string | null; targetType: string | null; targetId: string | null },
): string {
  return JSON.stringify({ type: action, timestamp: at.toISOString(), data });
}

/** Webhooks and their deliveries; who may act is the shield's (WEBHOOKS_MANAGE). */
export class WebhookService {
  private readonly retry: WebhookRetryPolicy;

  constructor(private readonly deps: WebhookDeps) {
    this.retry = deps.retry ?? DEFAULT_WEBHOOK_RETRY_POLICY;
  }

  private get policy(): UrlPolicy {
    return { allowHttp: this.deps.config.webhooksAllowHttp, allowPrivateNetworks: this.deps.config.webhooksAllowPrivateNetworks };
  }

  private get key(): Buffer {
    const key = this.deps.config.webhookSecretKey;
    if (!key) throw new ForbiddenError('Webhooks are off on this server: it has no WEBHOOK_SECRET_KEY.');
    return key;
  }

  private async webhook(em: EntityManager, webhookId: string): Promise<Webhook> {
    return rowById(em, Webhook, webhookId, true);
  }

  private record(em: EntityManager, webhook: Webhook, actorId: string | null, action: string, data?: AuditEntry['data']): Promise<void> {
    return this.deps.audit.record(em, { organizationId: webhook.organizationId, actorId, action, targetType: 'Webhook', targetId: webhook.id, data });
  }

  async create(actorId: string, input: CreateWebhookInput): Promise<{ secret: string; webhook: Webhook }> {
    const key = this.key;
    await checkWebhookUrl(input.url, this.policy);
    const secret = newSecret();
    const webhook = await this.deps.dataSource.transaction(async (em) => {
      const created = await em.save(
        em.create(Webhook, {
          organizationId: input.organizationId,
          url: input.url,
          actions: [...new Set(input.actions)],
          description: optionalText(input.description),
          enabled: true,
          secretEncrypted: encryptSecret(secret, key),
        }),
      );
      await this.record(em, created, actorId, 'webhook.created', { url: created.url, actions: created.actions });
      return created;
    });
    return { secret, webhook };
  }

  async update(actorId: string, input: UpdateWebhookInput): Promise<Webhook> {
    if (input.url != null) await checkWebhookUrl(input.url, this.policy);
    return this.deps.dataSource.transaction(async (em) => {
      const webhook = await this.webhook(em, input.webhookId);
      const changes: Partial<Webhook> = {};
      if (input.url != null && input.url !== webhook.url) changes.url = input.url;
      if (input.actions != null) changes.actions = [...new Set(input.actions)];
      if (input.description !== undefined) changes.description = optionalText(input.description);
      if (input.enabled != null && input.enabled !== webhook.enabled) Object.assign(changes, { enabled: input.enabled, failingSince: null });
      const changed = Object.keys(changes).filter((k) => k !== 'failingSince');
      if (changed.length === 0) return webhook;
      await em.update(Webhook, { id: webhook.id }, changes);
      await this.record(em, webhook, actorId, 'webhook.updated', { changed });
      return Object.assign(webhook, changes);
    });
  }

  async delete(actorId: string, webhookId: string): Promise<void> {
    await this.deps.dataSource.transaction(async (em) => {
      const webhook = await this.webhook(em, webhookId);
      await em.delete(Webhook, { id: webhook.id });
      await this.record(em, webhook, actorId, 'webhook.deleted', { url: webhook.url });
    });
  }

  /** A new secret, shown once; the previous one keeps signing for 24 hours so receivers can switch. */
  async rotateSecret(actorId: string, webhookId: string): Promise<string> {
    const key = this.key;
    const secret = newSecret();
    await this.deps.dataSource.transaction(async (em) => {
      const webhook = await this.webhook(em, webhookId);
      await em.update(
        Webhook,
        { id: webhook.id },
        {
          secretEncrypted: encryptSecret(secret, key),
          previousSecretEncrypted: webhook.secretEncrypted,
          previousSecretExpiresAt: new Date(Date.now() + ROTATION_OVERLAP_MS),
        },
      );
      await this.record(em, webhook, actorId, 'webhook.secret_rotated');
    });
    return secret;
  }

  /** A `webhook.ping` delivery, attempted at once. */
  async ping(webhookId: string): Promise<WebhookDelivery> {
    return this.deps.dataSource.transaction(async (em) => {
      const webhook = await this.webhook(em, webhookId);
      const body = deliveryBody('webhook.ping', new Date(), {
        organizationId: webhook.organizationId,
        eventId: null,
        actorId: null,
        targetType: 'Webhook',
        targetId: webhook.id,
      });
      const delivery = await em.save(
        em.create(WebhookDelivery, {
          webhookId: webhook.id,
          organizationId: webhook.organizationId,
          eventId: null,
          action: 'webhook.ping',
          body,
          nextAttemptAt: new Date(),
        }),
      );
      await this.schedule(em, delivery);
      return delivery;
    });
  }

  /** Attempts a delivery again now, with the same webhook-id; its attempts keep counting. */
  async redeliver(deliveryId: string): Promise<WebhookDelivery> {
    return this.deps.dataSource.transaction(async (em) => {
      const delivery = await rowById(em, WebhookDelivery, deliveryId, true);
      Object.assign(delivery, { status: WebhookDeliveryStatus.PENDING, nextAttemptAt: new Date() });
      await em.update(WebhookDelivery, { id: delivery.id }, { status: delivery.status, nextAttemptAt: delivery.nextAttemptAt });
      await this.schedule(em, delivery);
      return delivery;
    });
  }

  /**
   * In the event's own transaction (the audit log calls this for every event): one delivery per
   * enabled webhook of the organization whose actions match, each a pg-boss job. A rolled-back
   * change delivers nothing.
   */
  async enqueueForEvent(em: EntityManager, event: RecordedEvent): Promise<void> {
    const body = deliveryBody(event.action, event.createdAt, {
      organizationId: event.organizationId,
      eventId: event.id,
      actorId: event.actorId,
      targetType: event.targetType,
      targetId: event.targetId,
    });
    const deliveries = await sqlRows<{ id: string; attempts: number }>(
      em,
      `INSERT INTO webhook_deliveries (webhook_id, organization_id, event_id, action, body, next_attempt_at)
       SELECT w.id, w.organization_id, $2::uuid, $3::varchar, $4::text, now() FROM webhooks w
        WHERE w.organization_id = $1::uuid AND w.enabled
          AND EXISTS (SELECT 1 FROM unnest(w.actions) AS p
                       WHERE p = '*' OR p = $3::varchar OR (right(p, 2) = '.*' AND starts_with($3::varchar, left(p, -1))))
       RETURNING id, attempts`,
      [event.organizationId, event.id, event.action, body],
    );
    for (const delivery of deliveries) await sendJob(em, WEBHOOK_QUEUE, { deliveryId: delivery.id, attempts: delivery.attempts } satisfies DeliveryJob);
  }

  private async schedule(em: EntityManager, delivery: Pick<WebhookDelivery, 'id' | 'attempts' | 'nextAttemptAt'>): Promise<void> {
    const job: DeliveryJob = { deliveryId: delivery.id, attempts: delivery.attempts };
    await sendJob(em, WEBHOOK_QUEUE, job, delivery.nextAttemptAt ? { startAfter: delivery.nextAttemptAt } : {});
  }

  /** The wait before attempt `attempts + 1`, in milliseconds. */
  private delayAfter(attempts: number): number {
    const base = this.retry.firstDelaySeconds * this.retry.factor ** (attempts - 1) * 1000;
    return Math.round(base * (0.9 + Math.random() * 0.2));
  }

  /**
   * One attempt of a delivery (the worker runs this for each job). The attempt is claimed with a
   * conditional update, so a stale job (redelivered meanwhile, or already done) does nothing.
   * The URL is checked again now, and the connection goes to the address just checked.
   */
  async attempt(job: DeliveryJob): Promise<void> {
    const { dataSource } = this.deps;
    const {
      rows: [claimed],
    } = await sqlChange<{
      attempts: number;
      body: string;
      url: string;
      enabled: boolean;
      secret: string;
      previous: string | null;
      previous_expires: Date | null;
      webhook_id: string;
    }>(
      dataSource,
      `UPDATE webhook_deliveries d SET attempts = d.attempts + 1
         FROM webhooks w
        WHERE d.id = $1 AND d.attempts = $2 AND d.status IN ('PENDING', 'RETRYING') AND w.id = d.webhook_id
        RETURNING d.attempts, d.body, w.url, w.enabled, w.secret_encrypted AS secret, w.previous_secret_encrypted AS previous,
                  w.previous_secret_expires_at AS previous_expires, w.id AS webhook_id`,
      [job.deliveryId, job.attempts],
    );
    if (!claimed) return;
    const result = await this.send(job.deliveryId, claimed);
    await dataSource.transaction(async (em) => {
      if (result.ok) {
        await em.update(
          WebhookDelivery,
          { id: job.deliveryId },
          { status: WebhookDeliveryStatus.SUCCEEDED, responseStatus: result.status, lastResult: result.excerpt, nextAttemptAt: null },
        );
        await em.update(Webhook, { id: claimed.webhook_id }, { failingSince: null });
        return;
      }
      const retry = claimed.enabled && claimed.attempts < this.retry.attempts;
      const nextAttemptAt = retry ? new Date(Date.now() + this.delayAfter(claimed.attempts)) : null;
      await em.update(
        WebhookDelivery,
        { id: job.deliveryId },
        {
          status: retry ? WebhookDeliveryStatus.RETRYING : WebhookDeliveryStatus.FAILED,
          responseStatus: result.status,
          lastResult: result.excerpt,
          nextAttemptAt,
        },
      );
      if (retry) await this.schedule(em, { id: job.deliveryId, attempts: claimed.attempts, nextAttemptAt });
      await this.noteFailure(em, claimed.webhook_id);
    });
  }

  private async send(
    deliveryId: string,
    claimed: { body: string; url: string; secret: string; previous: string | null; previous_expires: Date | null },
  ): Promise<AttemptResult> {
    try {
      const target = await resolveTarget(claimed.url, this.policy);
      const key = this.key;
      const secrets = [decryptSecret(claimed.secret, key)];
      if (claimed.previous && claimed.previous_expires && claimed.previous_expires.getTime() > Date.now()) secrets.push(decryptSecret(claimed.previous, key));
      return await postToTarget(target, signatureHeaders(`msg_${deliveryId}`, new Date(), claimed.body, secrets), claimed.body);
    } catch (error) {
      if (error instanceof RefusedUrlError) return { ok: false, status: null, excerpt: `refused: ${error.message}` };
      this.deps.logger.warn({ err: error, deliveryId }, 'webhook delivery could not be attempted');
      return { ok: false, status: null, excerpt: 'the server could not make the attempt' };
    }
  }

  /** Remembers since when the webhook fails; three days of nothing but failures disable it, and the organization is told. */
  private async noteFailure(em: EntityManager, webhookId: string): Promise<void> {
    await em.query(`UPDATE webhooks SET failing_since = COALESCE(failing_since, now()) WHERE id = $1`, [webhookId]);
    const {
      rows: [disabled],
    } = await sqlChange<{ id: string; organization_id: string; url: string }>(
      em,
      `UPDATE webhooks SET enabled = false
        WHERE id = $1 AND enabled AND failing_since <= now() - make_interval(days => $2)
        RETURNING id, organization_id, url`,
      [webhookId, FAILING_DAYS_BEFORE_DISABLING],
    );
    if (!disabled) return;
    await this.deps.audit.record(em, {
      organizationId: disabled.organization_id,
      actorId: null,
      action: 'webhook.disabled',
      targetType: 'Webhook',
      targetId: disabled.id,
      data: { reason: `every delivery failed for ${FAILING_DAYS_BEFORE_DISABLING} days` },
    });
    await this.deps.mail.notifyOrganization(em, disabled.organization_id, { event: 'webhook.disabled', url: disabled.url });
  }
}
