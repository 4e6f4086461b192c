import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { pageRequest } from '../../common/paging';
import { requireViewer, type Context } from '../../graphql/context';
import { toConnection } from '../../graphql/pagination';
import { Organization } from '../organizations/organization.entity';
import { Webhook } from './webhook.entity';
import {
  CreateWebhookInput,
  DeleteWebhookInput,
  PingWebhookInput,
  RedeliverWebhookDeliveryInput,
  RotateWebhookSecretInput,
  UpdateWebhookInput,
} from './webhook.inputs';
import {
  CreateWebhookPayload,
  DeleteWebhookPayload,
  RotateWebhookSecretPayload,
  WebhookDeliveryConnection,
  WebhookDeliveryPayload,
  WebhookPayload,
} from './webhook.types';

@Resolver(() => Webhook)
export class WebhookResolver {
  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Its deliveries, newest first.' })
  async deliveries(
    @Root() webhook: Webhook,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
  ): Promise<WebhookDeliveryConnection> {
    const request = pageRequest(first, after);
    const { rows, totalCount } = await ctx.loaders.webhookDeliveriesPage(request).load(webhook.id);
    const { pageInfo, edges } = toConnection(rows, request, totalCount, (d) => ({ createdAt: d.createdAt, id: d.id }));
    return { totalCount, pageInfo, nodes: edges.map((e) => e.node) };
  }

  @Mutation(() => CreateWebhookPayload, {
    description: 'Needs WEBHOOKS_MANAGE. The URL must be https:// and resolve to public addresses (BAD_USER_INPUT on url). Returns the signing secret once.',
  })
  async createWebhook(
    @Arg('input', () => CreateWebhookInput, { description: 'What to do; see the input type.' }) input: CreateWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<CreateWebhookPayload> {
    return ctx.services.webhooks.create(requireViewer(ctx).user.id, input);
  }

  @Mutation(() => WebhookPayload, { description: 'Needs WEBHOOKS_MANAGE. A new URL is checked as at creation.' })
  async updateWebhook(
    @Arg('input', () => UpdateWebhookInput, { description: 'What to do; see the input type.' }) input: UpdateWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<WebhookPayload> {
    return { webhook: await ctx.services.webhooks.update(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => DeleteWebhookPayload, { description: 'Needs WEBHOOKS_MANAGE. Its deliveries go with it.' })
  async deleteWebhook(
    @Arg('input', () => DeleteWebhookInput, { description: 'What to do; see the input type.' }) input: DeleteWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteWebhookPayload> {
    await ctx.services.webhooks.delete(requireViewer(ctx).user.id, input.webhookId);
    return { deletedWebhookId: input.webhookId };
  }

  @Mutation(() => RotateWebhookSecretPayload, {
    description: 'Needs WEBHOOKS_MANAGE. A new secret, shown once; the old one keeps signing beside it for 24 hours.',
  })
  async rotateWebhookSecret(
    @Arg('input', () => RotateWebhookSecretInput, { description: 'What to do; see the input type.' }) input: RotateWebhookSecretInput,
    @Ctx() ctx: Context,
  ): Promise<RotateWebhookSecretPayload> {
    return { secret: await ctx.services.webhooks.rotateSecret(requireViewer(ctx).user.id, input.webhookId) };
  }

  @Mutation(() => WebhookDeliveryPayload, { description: 'Needs WEBHOOKS_MANAGE. Sends a `webhook.ping` delivery now.' })
  async pingWebhook(
    @Arg('input', () => PingWebhookInput, { description: 'What to do; see the input type.' }) input: PingWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<WebhookDeliveryPayload> {
    return { delivery: await ctx.services.webhooks.ping(input.webhookId) };
  }

  @Mutation(() => WebhookDeliveryPayload, { description: 'Needs WEBHOOKS_MANAGE. Attempts the delivery again now, with the same webhook-id.' })
  async redeliverWebhookDelivery(
    @Arg('input', () => RedeliverWebhookDeliveryInput, { description: 'What to do; see the input type.' }) input: RedeliverWebhookDeliveryInput,
    @Ctx() ctx: Context,
  ): Promise<WebhookDeliveryPayload> {
    return { delivery: await ctx.services.webhooks.redeliver(input.deliveryId) };
  }
}

@Resolver(() => Organization)
export class OrganizationWebhooksResolver {
  @FieldResolver(() => [Webhook], { description: 'Its webhooks, oldest first; needs WEBHOOKS_MANAGE.' })
  webhooks(@Root() organization: Organization, @Ctx() ctx: Context): Promise<Webhook[]> {
    return ctx.loaders.webhooksByOrganization.load(organization.id);
  }
}
