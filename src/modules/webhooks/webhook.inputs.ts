import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TextField } from '../../graphql/fields';

/** An action (`member.invited`), a family of them (`member.*`), or `*`. */
const ACTION_PATTERN = /^(\*|[a-z][a-z_]*\.(\*|[a-z][a-z_]*))$/;
const ACTIONS_RULES = [ArrayMinSize(1), ArrayMaxSize(50), Matches(ACTION_PATTERN, { each: true, message: 'Each action is `noun.verb`, `noun.*` or `*`.' })];

function ActionsField(nullable: boolean): PropertyDecorator {
  return (target, key) => {
    Field(() => [String], { nullable, description: 'The actions to receive: exact (`member.invited`), a family (`member.*`) or `*` for all; 1 to 50.' })(
      target,
      key,
    );
    if (nullable) IsOptional()(target, key);
    for (const rule of ACTIONS_RULES) rule(target, key);
  };
}

@InputType({ description: 'A new webhook.' })
export class CreateWebhookInput {
  @Field(() => ID, { description: 'The organization whose events it receives.' })
  organizationId: string;

  @Field(() => String, { description: 'https:// URL to POST events to; its host must resolve to public addresses.' })
  @MaxLength(2048)
  url: string;

  @ActionsField(false)
  actions: string[];

  @TextField({ description: 'Free text for the people who manage it.' })
  description?: string | null;
}

@InputType({ description: 'Changes to a webhook; omitted fields stay as they are.' })
export class UpdateWebhookInput {
  @Field(() => ID, { description: 'The webhook to change.' })
  webhookId: string;

  @Field(() => String, { nullable: true, description: 'A new URL, checked as at creation.' })
  @IsOptional()
  @MaxLength(2048)
  url?: string | null;

  @ActionsField(true)
  actions?: string[] | null;

  @TextField({ description: 'Set to null or "" to clear.' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False stops new deliveries; true starts them again (and forgets past failures).' })
  enabled?: boolean | null;
}

@InputType({ description: 'The webhook to delete, with its deliveries.' })
export class DeleteWebhookInput {
  @Field(() => ID, { description: 'The webhook to delete.' })
  webhookId: string;
}

@InputType({ description: 'The webhook whose signing secret to replace.' })
export class RotateWebhookSecretInput {
  @Field(() => ID, { description: 'The webhook.' })
  webhookId: string;
}

@InputType({ description: 'The webhook to send a `webhook.ping` now.' })
export class PingWebhookInput {
  @Field(() => ID, { description: 'The webhook.' })
  webhookId: string;
}

@InputType({ description: 'The delivery to attempt again now.' })
export class RedeliverWebhookDeliveryInput {
  @Field(() => ID, { description: 'The delivery.' })
  deliveryId: string;
}
