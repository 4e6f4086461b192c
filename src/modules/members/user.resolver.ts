import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { canSeeEmail, emailSightOrganizations } from '../../authz/policies';
import { pairKey } from '../../db/loader-utils';
import type { Context } from '../../graphql/context';
import { pageRequest } from '../../common/paging';
import { AfterArg, FirstArg, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { Organization } from '../organizations/organization.entity';
import { OrganizationConnection } from '../organizations/organization.types';
import { User } from '../auth/user.entity';

/** Whether the viewer may see the user's email (canSeeEmail); emailVerified follows it. */
async function emailVisible(user: User, ctx: Context): Promise<boolean> {
  const viewerId = ctx.viewer?.user.id ?? null;
  const scope = ctx.access.scope;
  if (!viewerId || viewerId === user.id) return canSeeEmail(viewerId, user.id, [], [], scope);
  // Only the subject's memberships where the viewer could see emails matter: those a members page
  // of this request listed, else (one batched statement) the subject's memberships there.
  const viewers = await ctx.loaders.membershipsByUser.load(viewerId);
  const sight = emailSightOrganizations(viewers, scope);
  const listed = sight
    .filter((organizationId) => ctx.loaders.listedMemberships.has(pairKey(organizationId, user.id)))
    .map((organizationId) => ({ organizationId }));
  const theirs = listed.length
    ? listed
    : (await Promise.all(sight.map((organizationId) => ctx.loaders.membership.load(pairKey(organizationId, user.id))))).filter((m) => m != null);
  return canSeeEmail(viewerId, user.id, viewers, theirs, scope);
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Visible to the user, and to members who hold MEMBERS_MANAGE in an organization the user belongs to; null to everyone else.',
  })
  async email(@Root() user: User, @Ctx() ctx: Context): Promise<string | null> {
    return (await emailVisible(user, ctx)) ? user.email : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the email is proven (its verification link, a password reset, or accepting an invitation sent to it); null wherever email is null.',
  })
  async emailVerified(@Root() user: User, @Ctx() ctx: Context): Promise<boolean | null> {
    return (await emailVisible(user, ctx)) ? user.emailVerifiedAt !== null : null;
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
