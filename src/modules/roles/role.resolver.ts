import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../graphql/context';
import { Organization } from '../organizations/organization.entity';
import { Role } from './role.entity';
import { CreateRoleInput, DeleteRoleInput, UpdateRoleInput } from './role.inputs';
import { DeleteRolePayload, RolePayload } from './role.types';

@Resolver(() => Role)
export class RoleResolver {
  @Mutation(() => RolePayload, { description: "Needs ROLES_MANAGE. The name must be unique in the organization and not a built-in's (CONFLICT)." })
  async createRole(
    @Arg('input', () => CreateRoleInput, { description: 'The parameters of `createRole`.' }) input: CreateRoleInput,
    @Ctx() ctx: Context,
  ): Promise<RolePayload> {
    return { role: await ctx.services.roles.create(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => RolePayload, { description: 'Needs ROLES_MANAGE; built-in roles are FORBIDDEN.' })
  async updateRole(
    @Arg('input', () => UpdateRoleInput, { description: 'The parameters of `updateRole`.' }) input: UpdateRoleInput,
    @Ctx() ctx: Context,
  ): Promise<RolePayload> {
    return { role: await ctx.services.roles.update(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => DeleteRolePayload, {
    description: 'Needs ROLES_MANAGE; built-in roles are FORBIDDEN; a role still granted or in a pending invitation is CONFLICT.',
  })
  async deleteRole(
    @Arg('input', () => DeleteRoleInput, { description: 'The parameters of `deleteRole`.' }) input: DeleteRoleInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteRolePayload> {
    await ctx.services.roles.delete(requireViewer(ctx).user.id, input.roleId);
    return { deletedRoleId: input.roleId };
  }
}

@Resolver(() => Organization)
export class OrganizationRolesResolver {
  @FieldResolver(() => [Role], { description: 'Built-in roles first (View, Use, Owner), then the custom roles by name.' })
  roles(@Root() organization: Organization, @Ctx() ctx: Context): Promise<Role[]> {
    return ctx.loaders.rolesByOrganization.load(organization.id);
  }
}
