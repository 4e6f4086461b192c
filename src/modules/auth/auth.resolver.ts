import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pageRequest } from '../../common/paging';
import { AfterArg, FirstArg, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { Session } from './session.entity';
import { requireViewer, type Context } from '../../graphql/context';
import { signIn } from './auth.api';
import { User } from './user.entity';
import { LoginInput, LogoutInput, RegisterInput, RevokeSessionInput, SwitchOrganizationInput } from './auth.inputs';
import { AuthPayload, LogoutPayload, RevokeSessionPayload, SessionConnection, SwitchOrganizationPayload } from './auth.types';

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null without a valid token.' })
  viewer(@Ctx() ctx: Context): User | null {
    return ctx.viewer?.user ?? null;
  }

  @Mutation(() => AuthPayload, { description: 'Creates the account and its first organization, and signs in.' })
  async register(
    @Arg('input', () => RegisterInput, { description: 'The parameters of `register`.' }) input: RegisterInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    const result = await ctx.services.auth.register(input, ctx.clientAddress, ctx.userAgent);
    signIn(ctx, result);
    return result;
  }

  @Mutation(() => AuthPayload, {
    description:
      'Signs in with email and password and returns a new session token. A wrong email or password is UNAUTHENTICATED, with one message for both; failures are rate limited.',
  })
  async login(@Arg('input', () => LoginInput, { description: 'The parameters of `login`.' }) input: LoginInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    const result = await ctx.services.auth.login(input, ctx.clientAddress, ctx.userAgent);
    signIn(ctx, result);
    return result;
  }

  @Mutation(() => LogoutPayload, {
    description:
      'Ends this session, or every session of the user with allSessions. With an access token it ends nothing (loggedOut false: revoke the token with a session), and allSessions is FORBIDDEN.',
  })
  async logout(
    @Arg('input', () => LogoutInput, { nullable: true, description: 'The parameters of `logout`.' }) input: LogoutInput | null,
    @Ctx() ctx: Context,
  ): Promise<LogoutPayload> {
    return { loggedOut: await ctx.services.auth.logout(requireViewer(ctx), input?.allSessions === true) };
  }

  @Mutation(() => SwitchOrganizationPayload, { description: 'Sets viewer.activeOrganization; it survives logout and login.' })
  async switchOrganization(
    @Arg('input', () => SwitchOrganizationInput, { description: 'The parameters of `switchOrganization`.' }) input: SwitchOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<SwitchOrganizationPayload> {
    const viewer = requireViewer(ctx);
    await ctx.services.auth.switchActive(viewer.user.id, input.organizationId);
    const user: User = { ...viewer.user, activeOrganizationId: input.organizationId };
    return { viewer: Object.assign(new User(), user) };
  }
}

/** The viewer's sessions (CONTRACT.md, Accounts). */
@Resolver(() => User)
export class SessionsResolver {
  @FieldResolver(() => SessionConnection, {
    nullable: true,
    description: "Only on the viewer (with a session): the user's live sessions, newest first, `current` marking the one in use; null elsewhere.",
  })
  async sessions(
    @Root() user: User,
    @Ctx() ctx: Context,
    @FirstArg() first: number | null,
    @AfterArg() after: string | null,
  ): Promise<ConnectionShape<Session> | null> {
    if (!ctx.viewer?.sessionId || ctx.viewer.user.id !== user.id) return null;
    const request = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.auth.sessionsPage(user.id, request);
    return toConnection(rows, request, totalCount, (s) => ({ createdAt: s.createdAt, id: s.id }));
  }

  @Mutation(() => RevokeSessionPayload, {
    description: "Ends one of the viewer's sessions (this one too, as logout would); another user's session, or a missing one, is NOT_FOUND.",
  })
  async revokeSession(
    @Arg('input', () => RevokeSessionInput, { description: 'The parameters of `revokeSession`.' }) input: RevokeSessionInput,
    @Ctx() ctx: Context,
  ): Promise<RevokeSessionPayload> {
    await ctx.services.auth.revokeSession(requireViewer(ctx).user.id, input.sessionId);
    return { revoked: true };
  }
}

@Resolver(() => Session)
export class SessionResolver {
  @FieldResolver(() => Boolean, { description: 'Whether this is the session the request came with.' })
  current(@Root() session: Session, @Ctx() ctx: Context): boolean {
    return ctx.viewer?.sessionId === session.id;
  }
}
