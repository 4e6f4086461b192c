import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { pageRequest } from '../../common/paging';
import { AfterArg, FirstArg, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditEventConnection } from './audit.types';

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Null when no user acted, or the account is gone.' })
  actor(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<User | null> | null {
    return event.actorId ? ctx.loaders.userById.load(event.actorId) : null;
  }
}

@Resolver(() => Organization)
export class OrganizationAuditLogResolver {
  @FieldResolver(() => AuditEventConnection, { description: 'Newest first; needs AUDIT_LOG_VIEW.' })
  async auditLog(
    @Root() organization: Organization,
    @Ctx() ctx: Context,
    @FirstArg() first: number | null,
    @AfterArg() after: string | null,
  ): Promise<ConnectionShape<AuditEvent>> {
    const request = pageRequest(first, after);
    const { rows, totalCount } = await ctx.loaders.auditLogPage(request).load(organization.id);
    return toConnection(rows, request, totalCount, (e) => ({ createdAt: e.createdAt, id: e.id }));
  }
}
