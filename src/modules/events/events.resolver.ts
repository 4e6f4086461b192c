import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { AuditEvent } from '../audit/audit-event.entity';

@Resolver()
export class EventsResolver {
  @Subscription(() => AuditEvent, {
    description:
      "The organization's audit events as they commit, in commit order, over WebSocket (graphql-transport-ws at /graphql). " +
      'Each is checked at delivery with the rights of that moment: invitation.* and member.invited need MEMBERS_INVITE, project.* PROJECT_VIEW on the project, ' +
      'access_token.* and webhook.* AUDIT_LOG_VIEW, the rest ORGANIZATION_VIEW. NOT_FOUND when not a member; ends with NOT_FOUND or UNAUTHENTICATED once access is lost.',
    subscribe: ({ args, context }) =>
      (context as Context).services.events.subscribe(context as Context, String((args as { organizationId: string }).organizationId)),
  })
  organizationEvents(
    @Root() event: AuditEvent,
    @Arg('organizationId', () => ID, { description: 'The organization to follow.' }) _organizationId: string,
  ): AuditEvent {
    return event;
  }
}
