import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { pageRequest } from '../../common/paging';
import { requireViewer, type Context } from '../../graphql/context';
import { AfterArg, FirstArg, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';
import { AccessToken } from './access-token.entity';
import { CreateAccessTokenInput, RevokeAccessTokenInput } from './access-token.inputs';
import { AccessTokenConnection, CreateAccessTokenPayload, RevokeAccessTokenPayload } from './access-token.types';

@Resolver(() => AccessToken)
export class AccessTokenResolver {
  @FieldResolver(() => Organization, { description: 'The one organization it acts in.' })
  async organization(@Root() accessToken: AccessToken, @Ctx() ctx: Context): Promise<Organization> {
    // The foreign key guarantees the organization.
    return (await ctx.loaders.organizationById.load(accessToken.organizationId)) as Organization;
  }

  @Mutation(() => CreateAccessTokenPayload, {
    description:
      'With a session only (FORBIDDEN with an access token). A personal access token for one organization you belong to (NOT_FOUND otherwise), listing permissions you hold now (FORBIDDEN otherwise). The token is returned this once.',
  })
  async createAccessToken(
    @Arg('input', () => CreateAccessTokenInput, { description: 'The parameters of `createAccessToken`.' }) input: CreateAccessTokenInput,
    @Ctx() ctx: Context,
  ): Promise<CreateAccessTokenPayload> {
    return ctx.services.accessTokens.create(requireViewer(ctx).user.id, input);
  }

  @Mutation(() => RevokeAccessTokenPayload, {
    description: 'With a session only (FORBIDDEN with an access token). Ends one of your access tokens at once; anyone else’s is NOT_FOUND.',
  })
  async revokeAccessToken(
    @Arg('input', () => RevokeAccessTokenInput, { description: 'The parameters of `revokeAccessToken`.' }) input: RevokeAccessTokenInput,
    @Ctx() ctx: Context,
  ): Promise<RevokeAccessTokenPayload> {
    await ctx.services.accessTokens.revoke(requireViewer(ctx).user.id, input.accessTokenId);
    return { revoked: true };
  }
}

@Resolver(() => User)
export class UserAccessTokensResolver {
  @FieldResolver(() => AccessTokenConnection, {
    nullable: true,
    description:
      "Only on the viewer, with a session (FORBIDDEN with an access token); null elsewhere. The user's access tokens in the organizations they belong to, newest first; never the tokens themselves.",
  })
  async accessTokens(
    @Root() user: User,
    @Ctx() ctx: Context,
    @FirstArg() first: number | null,
    @AfterArg() after: string | null,
  ): Promise<ConnectionShape<AccessToken> | null> {
    if (ctx.viewer?.user.id !== user.id) return null;
    const request = pageRequest(first, after);
    const { rows, totalCount } = await ctx.loaders.accessTokensPage(request).load(user.id);
    return toConnection(rows, request, totalCount, (t) => ({ createdAt: t.createdAt, id: t.id }));
  }
}
