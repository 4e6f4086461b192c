import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrganizationRole } from '../../authz/enums';
import { canSeeEmail, emailSightOrganizations } from '../../authz/policies';
import { pairKey } from '../../db/loader-utils';
import type { Context } from '../../graphql/context';
import { pageRequest } from '../../common/paging';
import { AfterArg, FirstArg, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { Organization } from '../organizations/organization.entity';
import { OrganizationConnection } from '../organizations/organization.types';
import { User } from '../auth/user.entity';

/** `fn` of a value that may still be coming: at once when it is there, else when it comes. */
const whenKnown = <T, R>(value: T | Promise<T>, fn: (known: T) => R): R | Promise<Awaited<R>> =>
  value instanceof Promise ? (value.then(fn) as Promise<Awaited<R>>) : fn(value);

/**
 * Whether the viewer may see the user's email (canSeeEmail). On a members page the request
 * already holds what it takes, and the answer comes at once: no promise for each of its users.
 */
function emailVisible(user: User, ctx: Context): boolean | Promise<boolean> {
  const viewerId = ctx.viewer?.user.id ?? null;
  if (!viewerId || viewerId === user.id) return canSeeEmail(viewerId, user.id, [], [], ctx.access.scope);
  const viewers = ctx.access.settledMemberships ?? ctx.loaders.membershipsByUser.load(viewerId);
  return whenKnown(viewers, (known) => emailVisibleAmong(viewerId, known, user, ctx));
}

/**
 * canSeeEmail with the viewer's memberships at hand. Only the subject's memberships where the
 * viewer could see emails matter: those a members page of this request listed, else (one
 * batched statement) the subject's memberships there.
 */
function emailVisibleAmong(
  viewerId: string,
  viewers: ReadonlyArray<{ organizationId: string; role: OrganizationRole }>,
  user: User,
  ctx: Context,
): boolean | Promise<boolean> {
  const scope = ctx.access.scope;
  const sight = emailSightOrganizations(viewers, scope);
  const listed = sight
    .filter((organizationId) => ctx.loaders.listedMemberships.has(pairKey(organizationId, user.id)))
    .map((organizationId) => ({ organizationId }));
  if (listed.length > 0 || sight.length === 0) return canSeeEmail(viewerId, user.id, viewers, listed, scope);
  return Promise.all(sight.map((organizationId) => ctx.loaders.membership.load(pairKey(organizationId, user.id)))).then((found) =>
    canSeeEmail(
      viewerId,
      user.id,
      viewers,
      found.filter((m) => m != null),
      scope,
    ),
  );
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Visible to the user, and to members who hold MEMBERS_MANAGE in an organization the user belongs to; null to everyone else.',
  })
  email(@Root() user: User, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return whenKnown(emailVisible(user, ctx), (visible) => (visible ? user.email : null));
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the email is proven (its verification link, a password reset, or accepting an invitation sent to it); null wherever email is null.',
  })
  emailVerified(@Root() user: User, @Ctx() ctx: Context): boolean | null | Promise<boolean | null> {
    return whenKnown(emailVisible(user, ctx), (visible) => (visible ? user.emailVerifiedAt !== null : null));
  }

  @FieldResolver(() => Organization, { nullable: true, description: "Only on the viewer; null elsewhere. With an access token: the token's organization." })
  async activeOrganization(@Root() user: User, @Ctx() ctx: Context): Promise<Organization | null> {
    const activeOrganizationId = ctx.access.scope?.organizationId ?? user.activeOrganizationId;
    if (ctx.viewer?.user.id !== user.id || !activeOrganizationId) return null;
    // The same loader as `organizations`, so both fields load their organizations in one batch.
    const memberships = await ctx.loaders.membershipsByUser.load(user.id);
    if (!memberships.some((m) => m.organizationId === activeOrganizationId)) return null;
    return ctx.loaders.organizationById.load(activeOrganizationId);
  }

  @FieldResolver(() => OrganizationConnection, {
    description: "Only on the viewer: the organizations the viewer belongs to, oldest membership first. With an access token: only the token's organization.",
  })
  async organizations(
    @Root() user: User,
    @Ctx() ctx: Context,
    @FirstArg() first: number | null,
    @AfterArg() after: string | null,
  ): Promise<ConnectionShape<Organization>> {
    const request = pageRequest(first, after);
    // Only the viewer's own list; on anyone else it is empty.
    // With an access token, only its organization (the loader's scope: one organization or every one).
    const { rows, totalCount } =
      ctx.viewer?.user.id === user.id
        ? await ctx.loaders.membershipsOfUserPage(request, ctx.access.scope?.organizationId).load(user.id)
        : { rows: [], totalCount: 0 };
    const organizations = await ctx.loaders.organizationById.loadMany(rows.map((m) => m.organizationId));
    const page = rows.map((membership, i) => ({ membership, organization: organizations[i] as Organization }));
    return toConnection(
      page,
      request,
      totalCount,
      (r) => ({ createdAt: r.membership.createdAt, id: r.organization.id }),
      (r) => r.organization,
    );
  }
}
