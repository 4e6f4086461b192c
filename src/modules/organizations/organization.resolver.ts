import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrganizationPermission, OrganizationRole } from '../../authz/enums';
import { canSeeNotificationEmail } from '../../authz/policies';
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
    @Arg('id', () => ID, { nullable: true, description: "The organization's id." }) id: string | null,
    @Arg('moniker', () => String, { nullable: true, description: 'A current or former moniker.' }) moniker: string | null,
  ): Promise<Organization> {
    if ((id == null) === (moniker == null)) {
      throw new BadUserInputError([{ field: id == null ? 'id' : 'moniker', message: 'Give exactly one of id and moniker.' }]);
    }
    if (id != null) {
      if (!(await ctx.access.organizationRole(id))) throw new NotFoundError();
      const organization = await ctx.loaders.organizationById.load(id);
      if (!organization) throw new NotFoundError();
      return organization;
    }
    // By moniker, the organization comes with the lookup; the viewer must be a member all the same.
    const organization = (await ctx.loaders.organizationByMoniker.load(moniker!.toLowerCase()))?.organization;
    if (!organization || !(await ctx.access.organizationRole(organization.id))) throw new NotFoundError();
    ctx.loaders.organizationById.prime(organization.id, organization);
    return organization;
  }

  @FieldResolver(() => OrganizationRole, { nullable: true, description: "The viewer's organization role; null when the viewer is not a member." })
  viewerRole(@Root() organization: Organization, @Ctx() ctx: Context): Promise<OrganizationRole | null> {
    return ctx.access.organizationRole(organization.id);
  }

  @FieldResolver(() => [OrganizationPermission], {
    description: 'What the viewer may do in this organization (with an access token: what both the token and the user hold).',
  })
  async viewerPermissions(@Root() organization: Organization, @Ctx() ctx: Context): Promise<OrganizationPermission[]> {
    return ctx.access.organizationPermissions(organization.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Where the organization's notifications go. Visible to holders of ORGANIZATION_SETTINGS_MANAGE; null to others.",
  })
  async notificationEmail(@Root() organization: Organization, @Ctx() ctx: Context): Promise<string | null> {
    const role = await ctx.access.organizationRole(organization.id);
    return canSeeNotificationEmail(role, ctx.access.scope) ? organization.notificationEmail : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'True once the notification mailbox confirmed its link (until then notifications go to the owners); null where notificationEmail is null.',
  })
  async notificationEmailVerified(@Root() organization: Organization, @Ctx() ctx: Context): Promise<boolean | null> {
    const email = await this.notificationEmail(organization, ctx);
    return email === null ? null : organization.notificationEmailVerifiedAt !== null;
  }

  @Mutation(() => OrganizationPayload, { description: 'The creator becomes OWNER; the new organization becomes active.' })
  async createOrganization(
    @Arg('input', () => CreateOrganizationInput, { description: 'The parameters of `createOrganization`.' }) input: CreateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationPayload> {
    return { organization: await ctx.services.organizations.createFor(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => OrganizationPayload, {
    description: 'Needs ORGANIZATION_SETTINGS_MANAGE. A new moniker must be free (CONFLICT otherwise); the former one keeps resolving.',
  })
  async updateOrganization(
    @Arg('input', () => UpdateOrganizationInput, { description: 'The parameters of `updateOrganization`.' }) input: UpdateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationPayload> {
    return { organization: await ctx.services.organizations.update(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => OrganizationPayload, { description: 'Needs BILLING_MANAGE.' })
  async changePlan(
    @Arg('input', () => ChangePlanInput, { description: 'The parameters of `changePlan`.' }) input: ChangePlanInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationPayload> {
    return { organization: await ctx.services.organizations.changePlan(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => DeleteOrganizationPayload, { description: 'Needs confirmMoniker equal to the current moniker; removes everything the organization holds.' })
  async deleteOrganization(
    @Arg('input', () => DeleteOrganizationInput, { description: 'The parameters of `deleteOrganization`.' }) input: DeleteOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteOrganizationPayload> {
    await ctx.services.organizations.delete(input);
    return { deletedOrganizationId: input.organizationId };
  }
}
