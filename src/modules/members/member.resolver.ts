import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { OrganizationRole } from '../../authz/enums';
import { requireViewer, type Context } from '../../graphql/context';
import { pageRequest } from '../../common/paging';
import { AfterArg, FirstArg, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';
import { LeaveOrganizationInput, RemoveMemberInput, UpdateMemberRoleInput } from './member.inputs';
import { LeaveOrganizationPayload, MemberConnection, MemberPayload, RemoveMemberPayload } from './member.types';
import { pairKey } from '../../db/loader-utils';
import { memberFilter } from './member.loaders';
import { Membership } from './membership.entity';

@Resolver(() => Membership)
export class MemberResolver {
  @FieldResolver(() => User, { description: 'The member.' })
  user(@Root() member: Membership, @Ctx() ctx: Context): User | Promise<User> {
    // A page brings its members' users along (answered at once, no promise); the membership's foreign key guarantees the user.
    return member.user ?? (ctx.loaders.userById.load(member.userId) as Promise<User>);
  }

  @Mutation(() => MemberPayload, {
    description: 'To or from OWNER needs OWNERS_MANAGE (FORBIDDEN, checked first); the last owner cannot be demoted (CONFLICT).',
  })
  async updateMemberRole(
    @Arg('input', () => UpdateMemberRoleInput, { description: 'The parameters of `updateMemberRole`.' }) input: UpdateMemberRoleInput,
    @Ctx() ctx: Context,
  ): Promise<MemberPayload> {
    return { member: await ctx.services.members.updateRole(requireViewer(ctx).user.id, input, ctx.access.scope) };
  }

  @Mutation(() => RemoveMemberPayload, { description: 'Also removes their team memberships and project grants there and revokes the invitations they sent.' })
  async removeMember(
    @Arg('input', () => RemoveMemberInput, { description: 'The parameters of `removeMember`.' }) input: RemoveMemberInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveMemberPayload> {
    await ctx.services.members.remove(requireViewer(ctx).user.id, input, ctx.access.scope);
    return { removedUserId: input.userId };
  }

  @Mutation(() => LeaveOrganizationPayload, { description: 'The last owner cannot leave (CONFLICT).' })
  async leaveOrganization(
    @Arg('input', () => LeaveOrganizationInput, { description: 'The parameters of `leaveOrganization`.' }) input: LeaveOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<LeaveOrganizationPayload> {
    await ctx.services.members.leave(requireViewer(ctx).user.id, input.organizationId);
    return { leftOrganizationId: input.organizationId };
  }
}

@Resolver(() => Organization)
export class OrganizationMembersResolver {
  @FieldResolver(() => MemberConnection, { description: 'Newest membership first. `search` matches name or email, case-insensitively, as a substring.' })
  async members(
    @Root() organization: Organization,
    @Ctx() ctx: Context,
    @FirstArg() first: number | null,
    @AfterArg() after: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Only members whose name or email contains this, case-insensitively.' }) search: string | null,
    @Arg('role', () => OrganizationRole, { nullable: true, description: 'Only members with this role.' }) role: OrganizationRole | null,
  ): Promise<ConnectionShape<Membership>> {
    const request = pageRequest(first, after);
    const { rows, totalCount } = await ctx.loaders.membersPage(request, memberFilter(search, role)).load(organization.id);
    // What the page read answers `User.email`'s question "is this user a member here?" without another statement.
    for (const member of rows) ctx.loaders.listedMemberships.add(pairKey(member.organizationId, member.userId));
    return toConnection(rows, request, totalCount, (m) => ({ createdAt: m.createdAt, id: m.userId }));
  }
}
