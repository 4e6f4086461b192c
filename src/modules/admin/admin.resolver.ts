import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pageRequest } from '../../common/paging';
import { requireViewer, type Context } from '../../graphql/context';
import { AfterArg, FirstArg, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { User } from '../auth/user.entity';
import { MemberPayload } from '../members/member.types';
import { AddOrganizationOwnerInput, DisableUserInput, EnableUserInput } from './admin.inputs';
import { Instance, InstanceOrganization, InstanceOrganizationConnection, InstanceUser, InstanceUserConnection, InstanceUserPayload } from './admin.types';

const SearchArg = (what: string) => Arg('search', () => String, { nullable: true, description: `Only those whose ${what} contains this, case-insensitively.` });

@Resolver(() => Instance)
export class InstanceResolver {
  @Query(() => Instance, { description: 'The whole installation: every organization and account. Instance administrators only (else FORBIDDEN).' })
  instance(): Instance {
    return new Instance();
  }

  @FieldResolver(() => InstanceOrganizationConnection, { description: 'Every organization, newest first.' })
  async organizations(
    @Ctx() ctx: Context,
    @SearchArg('name or moniker') search: string | null,
    @FirstArg() first: number | null,
    @AfterArg() after: string | null,
  ): Promise<ConnectionShape<InstanceOrganization>> {
    const request = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.admin.organizations(search, request);
    return toConnection(rows, request, totalCount, (o) => ({ createdAt: o.createdAt, id: o.id }));
  }

  @FieldResolver(() => InstanceUserConnection, { description: 'Every account, newest first.' })
  async users(
    @Ctx() ctx: Context,
    @SearchArg('name or email') search: string | null,
    @FirstArg() first: number | null,
    @AfterArg() after: string | null,
  ): Promise<ConnectionShape<InstanceUser>> {
    const request = pageRequest(first, after);
    const { rows, totalCount } = await ctx.services.admin.users(search, request);
    return toConnection(rows, request, totalCount, (u) => ({ createdAt: u.createdAt, id: u.id }));
  }

  @Mutation(() => MemberPayload, {
    description: 'Instance administrators only: makes any account an OWNER of any organization (e.g. when its owners are gone); audited there.',
  })
  async addOrganizationOwner(
    @Arg('input', () => AddOrganizationOwnerInput, { description: 'The parameters of `addOrganizationOwner`.' }) input: AddOrganizationOwnerInput,
    @Ctx() ctx: Context,
  ): Promise<MemberPayload> {
    return { member: await ctx.services.admin.addOrganizationOwner(requireViewer(ctx).user.id, input.organizationId, input.userId) };
  }

  @Mutation(() => InstanceUserPayload, {
    description:
      "Instance administrators only: disables an account. Its sessions and access tokens are refused at once (HTTP 401) and login is refused; audited in each of its organizations. Not your own account, nor another administrator's (CONFLICT).",
  })
  async disableUser(
    @Arg('input', () => DisableUserInput, { description: 'The parameters of `disableUser`.' }) input: DisableUserInput,
    @Ctx() ctx: Context,
  ): Promise<InstanceUserPayload> {
    return { user: await ctx.services.admin.setDisabled(requireViewer(ctx).user.id, input.userId, true) };
  }

  @Mutation(() => InstanceUserPayload, {
    description: 'Instance administrators only: enables a disabled account again (it signs in anew); audited in each of its organizations.',
  })
  async enableUser(
    @Arg('input', () => EnableUserInput, { description: 'The parameters of `enableUser`.' }) input: EnableUserInput,
    @Ctx() ctx: Context,
  ): Promise<InstanceUserPayload> {
    return { user: await ctx.services.admin.setDisabled(requireViewer(ctx).user.id, input.userId, false) };
  }
}

@Resolver(() => InstanceOrganization)
export class InstanceOrganizationResolver {
  @FieldResolver(() => Int, { description: 'How many members it has.' })
  memberCount(@Root() organization: InstanceOrganization, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.memberCount.load(organization.id);
  }
}

@Resolver(() => User)
export class UserInstanceAdminResolver {
  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the viewer administers the installation; on the viewer only, null elsewhere.' })
  isInstanceAdmin(@Root() user: User, @Ctx() ctx: Context): boolean | null {
    return ctx.viewer?.user.id === user.id ? user.isInstanceAdmin : null;
  }
}
