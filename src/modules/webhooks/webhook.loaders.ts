import { In, type EntityManager } from 'typeorm';
import { pageLoaders, pagesPerParent } from '../../db/batched-pages';
import { groupLoader, rowLoader } from '../../db/loader-utils';
import { Webhook, WebhookDelivery, type WebhookDeliveryStatus } from './webhook.entity';

const toDelivery = (row: Record<string, unknown>): WebhookDelivery =>
  Object.assign(new WebhookDelivery(), {
    id: row.id,
    webhookId: row.webhook_id,
    organizationId: row.organization_id,
    eventId: row.event_id,
    action: row.action,
    status: row.status as WebhookDeliveryStatus,
    attempts: row.attempts,
    responseStatus: row.response_status,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
  });

export function createWebhookLoaders(em: EntityManager) {
  return {
    webhookById: rowLoader(
      (ids: readonly string[]) => em.findBy(Webhook, { id: In([...ids]) }),
      (w) => w.id,
    ),
    webhookDeliveryById: rowLoader(
      (ids: readonly string[]) => em.findBy(WebhookDelivery, { id: In([...ids]) }),
      (d) => d.id,
    ),
    /** Each organization's webhooks, oldest first; many organizations in one query. */
    webhooksByOrganization: groupLoader(
      (organizationIds: readonly string[]) => em.find(Webhook, { where: { organizationId: In([...organizationIds]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      (w) => w.organizationId,
    ),
    /** A page of each webhook's deliveries, newest first: every webhook of the response in one query. */
    webhookDeliveriesPage: pageLoaders((webhookIds, request) =>
      pagesPerParent(em, webhookIds, request, {
        source: `SELECT d.webhook_id AS parent_id, d.created_at, d.id AS tie_id, d.id, d.webhook_id, d.organization_id, d.event_id, d.action,
                        d.status, d.attempts, d.response_status, d.next_attempt_at
                   FROM webhook_deliveries d WHERE d.webhook_id = ANY($1::uuid[])`,
        toNode: toDelivery,
      }),
    ),
  };
}
