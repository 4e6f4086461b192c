import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { signIn } from './auth.api';
import { User } from './user.entity';
import { LoginInput, LogoutInput, RegisterInput, SwitchOrganizationInput } from './auth.inputs';
import { AuthPayload, LogoutPayload, SwitchOrganizationPayload } from './auth.types';

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
    const result = await ctx.services.auth.register(input, ctx.clientAddress);
    signIn(ctx, result);
    return result;
  }

  @Mutation(() => AuthPayload, {
    description:
      'Signs in with email and password and returns a new session token. A wrong email or password is UNAUTHENTICATED, with one message for both; failures are rate limited.',
  })
  async login(@Arg('input', () => LoginInput, { description: 'The parameters of `login`.' }) input: LoginInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    const result = await ctx.services.auth.login(input, ctx.clientAddress);
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
