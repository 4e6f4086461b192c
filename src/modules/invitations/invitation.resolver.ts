import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { signIn } from '../auth/auth.api';
import { pageRequest } from '../../common/paging';
import { AfterArg, FirstArg, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';
import { Team } from '../teams/team.entity';
import { Invitation, InvitationStatus } from './invitation.entity';
import {
  AcceptInvitationInput,
  DeclineInvitationInput,
  InviteMemberInput,
  InviteMembersInput,
  ResendInvitationInput,
  RevokeInvitationInput,
} from './invitation.inputs';
import {
  AcceptInvitationPayload,
  InvitationConnection,
  InvitationPayload,
  InvitationPreview,
  InvitationProjectGrantView,
  InviteMembersPayload,
} from './invitation.types';

@Resolver(() => Invitation)
export class InvitationResolver {
  @Query(() => InvitationPreview, {
    nullable: true,
    description: 'Public: anyone holding the token may preview the invitation. Null when the token matches none.',
  })
  invitationPreview(
    @Arg('token', () => String, { description: 'The token from the invitation link.' }) token: string,
    @Ctx() ctx: Context,
  ): Promise<InvitationPreview | null> {
    return ctx.services.invitations.preview(token);
  }

  @Mutation(() => InvitationPayload, { description: 'Records the invitation and emails the invitee a link with a token.' })
  async inviteMember(
    @Arg('input', () => InviteMemberInput, { description: 'The parameters of `inviteMember`.' }) input: InviteMemberInput,
    @Ctx() ctx: Context,
  ): Promise<InvitationPayload> {
    return { invitation: await ctx.services.invitations.invite(requireViewer(ctx).user.id, input, ctx.access.scope) };
  }

  @Mutation(() => InviteMembersPayload, {
    description:
      'Needs MEMBERS_INVITE. 1 to 100 invitations in one call: each row follows the rules of inviteMember and succeeds or fails alone (its own transaction, budgets and email); one result per row, in input order.',
  })
  async inviteMembers(
    @Arg('input', () => InviteMembersInput, { description: 'The parameters of `inviteMembers`.' }) input: InviteMembersInput,
    @Ctx() ctx: Context,
  ): Promise<InviteMembersPayload> {
    return { results: await ctx.services.invitations.inviteMany(requireViewer(ctx).user.id, input, ctx.access.scope) };
  }

  @Mutation(() => InvitationPayload, { description: 'A new token (the old one is GONE), a new expiry, another email; for PENDING and EXPIRED invitations.' })
  async resendInvitation(
    @Arg('input', () => ResendInvitationInput, { description: 'The parameters of `resendInvitation`.' }) input: ResendInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<InvitationPayload> {
    return { invitation: await ctx.services.invitations.resend(requireViewer(ctx).user.id, input.invitationId) };
  }

  @Mutation(() => InvitationPayload, { description: 'Needs MEMBERS_INVITE. Ends a pending invitation (REVOKED); its token is GONE from then on.' })
  async revokeInvitation(
    @Arg('input', () => RevokeInvitationInput, { description: 'The parameters of `revokeInvitation`.' }) input: RevokeInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<InvitationPayload> {
    return { invitation: await ctx.services.invitations.revoke(requireViewer(ctx).user.id, input.invitationId) };
  }

  @Mutation(() => AcceptInvitationPayload, {
    description: 'Public. With a session, its email must be the invited one; without, name and password create the account (unless one exists: sign in first).',
  })
  async acceptInvitation(
    @Arg('input', () => AcceptInvitationInput, { description: 'The parameters of `acceptInvitation`.' }) input: AcceptInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<AcceptInvitationPayload> {
    const result = await ctx.services.invitations.accept(ctx.viewer, input);
    if (result.session) signIn(ctx, { user: result.user, sessionId: result.session.sessionId });
    return { token: result.session?.token ?? null, user: result.user, organization: result.organization };
  }

  @Mutation(() => InvitationPayload, { description: 'Public: the token holder declines.' })
  async declineInvitation(
    @Arg('input', () => DeclineInvitationInput, { description: 'The parameters of `declineInvitation`.' }) input: DeclineInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<InvitationPayload> {
    return { invitation: await ctx.services.invitations.decline(ctx.viewer?.user.id ?? null, input.token) };
  }

  @FieldResolver(() => [Team], { description: 'The teams the invitee joins as TEAM_MEMBER on acceptance.' })
  async teams(@Root() invitation: Invitation, @Ctx() ctx: Context): Promise<Team[]> {
    return (await ctx.loaders.invitationTeams.load(invitation.id)).map((t) => t.team!);
  }

  @FieldResolver(() => [InvitationProjectGrantView], { description: 'The project roles the invitee receives on acceptance.' })
  async projectGrants(@Root() invitation: Invitation, @Ctx() ctx: Context): Promise<InvitationProjectGrantView[]> {
    return (await ctx.loaders.invitationProjectGrants.load(invitation.id)).map((g) => ({ project: g.project!, role: g.role! }));
  }

  @FieldResolver(() => User, { nullable: true, description: 'Null once the inviter has deleted their account.' })
  invitedBy(@Root() invitation: Invitation, @Ctx() ctx: Context): Promise<User | null> | null {
    return invitation.invitedById ? ctx.loaders.userById.load(invitation.invitedById) : null;
  }
}

@Resolver(() => Organization)
export class OrganizationInvitationsResolver {
  @FieldResolver(() => InvitationConnection, { description: 'Newest first; needs MEMBERS_INVITE. EXPIRED includes PENDING ones past expiresAt.' })
  async invitations(
    @Root() organization: Organization,
    @Ctx() ctx: Context,
    @Arg('status', () => InvitationStatus, { nullable: true, description: 'Only invitations in this status (EXPIRED includes PENDING ones past `expiresAt`).' })
    status: InvitationStatus | null,
    @FirstArg() first: number | null,
    @AfterArg() after: string | null,
  ): Promise<ConnectionShape<Invitation>> {
    const request = pageRequest(first, after);
    const { rows, totalCount } = await ctx.loaders.invitationsPage(request, status).load(organization.id);
    return toConnection(rows, request, totalCount, (i) => ({ createdAt: i.createdAt, id: i.id }));
  }
}
