import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/pagination';
import { Webhook, WebhookDelivery } from './webhook.entity';

@ObjectType({ description: 'A page of a webhook’s deliveries, newest first.' })
export class WebhookDeliveryConnection {
  @Field(() => Int, { description: 'How many deliveries the webhook has.' })
  totalCount: number;

  @Field(() => PageInfo, { description: 'Where this page is.' })
  pageInfo: PageInfo;

  @Field(() => [WebhookDelivery], { description: 'The deliveries of this page.' })
  nodes: WebhookDelivery[];
}

@ObjectType({ description: 'A new webhook and its signing secret.' })
export class CreateWebhookPayload {
  @Field(() => String, { description: 'The signing secret (`whsec_` + base64), shown this once: receivers verify signatures with it.' })
  secret: string;

  @Field(() => Webhook, { description: 'The webhook.' })
  webhook: Webhook;
}

@ObjectType({ description: 'A webhook as it now is.' })
export class WebhookPayload {
  @Field(() => Webhook, { description: 'The webhook.' })
  webhook: Webhook;
}

@ObjectType({ description: 'What was deleted.' })
export class DeleteWebhookPayload {
  @Field(() => ID, { description: 'The deleted webhook’s id.' })
  deletedWebhookId: string;
}

@ObjectType({ description: 'The new signing secret.' })
export class RotateWebhookSecretPayload {
  @Field(() => String, { description: 'The new secret, shown this once; the previous one keeps signing beside it for 24 hours.' })
  secret: string;
}

@ObjectType({ description: 'A delivery as it now is.' })
export class WebhookDeliveryPayload {
  @Field(() => WebhookDelivery, { description: 'The delivery.' })
  delivery: WebhookDelivery;
}
