import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrganizationPermission, OrganizationRole } from '../../authz/enums';
import { hasOrganizationPermission, organizationPermissions } from '../../authz/policies';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { requireViewer, type Context } from '../../graphql/context';
import { Organization } from './organization.entity';
import { ChangePlanInput, CreateOrganizationInput, DeleteOrganizationInput, UpdateOrganizationInput } from './organization.inputs';
import { DeleteOrganizationPayload, OrganizationPayload } from './organization.types';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: 'By id, by current moniker, or by a former moniker (which keeps resolving). Exactly one of them.' })
  async organization(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('moniker', () => String, { nullable: true }) moniker: string | null,
  ): Promise<Organization> {
    if ((id == null) === (moniker == null)) {
      throw new BadUserInputError([{ field: id == null ? 'id' : 'moniker', message: 'Give exactly one of id and moniker.' }]);
    }
    const organizationId = id ?? (await ctx.loaders.organizationIdByMoniker.load(moniker!.toLowerCase()))?.organizationId;
    if (!organizationId || !(await ctx.access.organizationRole(organizationId))) throw new NotFoundError();
    const organization = await ctx.loaders.organizationById.load(organizationId);
    if (!organization) throw new NotFoundError();
    return organization;
  }

  @FieldResolver(() => OrganizationRole, { nullable: true })
  viewerRole(@Root() organization: Organization, @Ctx() ctx: Context): Promise<OrganizationRole | null> {
    return ctx.access.organizationRole(organization.id);
  }

  @FieldResolver(() => [OrganizationPermission])
  async viewerPermissions(@Root() organization: Organization, @Ctx() ctx: Context): Promise<OrganizationPermission[]> {
    return organizationPermissions(await ctx.access.organizationRole(organization.id));
  }

  @FieldResolver(() => String, { nullable: true, description: "Where the organization's notifications go. Visible to holders of ORGANIZATION_SETTINGS_MANAGE; null to others." })
  async notificationEmail(@Root() organization: Organization, @Ctx() ctx: Context): Promise<string | null> {
    const role = await ctx.access.organizationRole(organization.id);
    return hasOrganizationPermission(role, OrganizationPermission.ORGANIZATION_SETTINGS_MANAGE) ? organization.notificationEmail : null;
  }

  @Mutation(() => OrganizationPayload, { description: 'The creator becomes OWNER; the new organization becomes active.' })
  async createOrganization(@Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: Context): Promise<OrganizationPayload> {
    return { organization: await ctx.services.organizations.createFor(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => OrganizationPayload)
  async updateOrganization(@Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput, @Ctx() ctx: Context): Promise<OrganizationPayload> {
    return { organization: await ctx.services.organizations.update(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => OrganizationPayload)
  async changePlan(@Arg('input', () => ChangePlanInput) input: ChangePlanInput, @Ctx() ctx: Context): Promise<OrganizationPayload> {
    return { organization: await ctx.services.organizations.changePlan(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => DeleteOrganizationPayload, { description: 'Needs confirmMoniker equal to the current moniker; removes everything the organization holds.' })
  async deleteOrganization(@Arg('input', () => DeleteOrganizationInput) input: DeleteOrganizationInput, @Ctx() ctx: Context): Promise<DeleteOrganizationPayload> {
    await ctx.services.organizations.delete(input);
    return { deletedOrganizationId: input.organizationId };
  }
}
