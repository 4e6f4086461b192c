import type { ModuleRegistration } from '../../graphql/module';
import { Webhook, WebhookDelivery } from './webhook.entity';
import { createWebhookLoaders } from './webhook.loaders';
import { OrganizationWebhooksResolver, WebhookResolver } from './webhook.resolver';
import { WebhookService, type WebhookDeps } from './webhook.service';

export const webhooksModule = {
  entities: [Webhook, WebhookDelivery],
  resolvers: [WebhookResolver, OrganizationWebhooksResolver],
  loaders: createWebhookLoaders,
  service: (deps: WebhookDeps) => new WebhookService(deps),
} satisfies ModuleRegistration<WebhookDeps, WebhookService>;

declare module '../../graphql/context' {
  interface Loaders extends ReturnType<typeof createWebhookLoaders> {}
  interface Services {
    webhooks: WebhookService;
  }
}
