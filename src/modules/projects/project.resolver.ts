import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ProjectPermission } from '../../authz/enums';
import { scopedProjectPermissions } from '../../authz/policies';
import { requireViewer, type Context } from '../../graphql/context';
import { NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { pairKey } from '../../db/loader-utils';
import { pageRequest } from '../../common/paging';
import { AfterArg, FirstArg, toConnection, type ConnectionShape } from '../../graphql/pagination';
import type { User } from '../auth/user.entity';
import { Organization } from '../organizations/organization.entity';
import type { Team } from '../teams/team.entity';
import { Project } from './project.entity';
import { CreateProjectInput, DeleteProjectInput, GrantProjectAccessInput, RevokeProjectAccessInput, UpdateProjectInput } from './project.inputs';
import { DeleteProjectPayload, ProjectAccess, ProjectAccessPayload, ProjectConnection, ProjectPayload } from './project.types';

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, { description: 'NOT_FOUND when missing or in an organization the viewer is not in; FORBIDDEN without PROJECT_VIEW.' })
  async project(@Arg('id', () => ID, { description: "The project's id." }) id: string, @Ctx() ctx: Context): Promise<Project> {
    await ctx.access.requireProject(id, ProjectPermission.PROJECT_VIEW);
    const project = await ctx.loaders.projectById.load(id);
    if (!project) throw new NotFoundError();
    return project;
  }

  @FieldResolver(() => Organization, { description: 'The organization it belongs to.' })
  async organization(@Root() project: Project, @Ctx() ctx: Context): Promise<Organization> {
    // The foreign key guarantees the organization.
    return (await ctx.loaders.organizationById.load(project.organizationId)) as Organization;
  }

  @FieldResolver(() => [ProjectPermission], { description: "The viewer's permissions on the project." })
  async viewerPermissions(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectPermission[]> {
    return (await ctx.access.projectPermissions(project.id)) ?? [];
  }

  @FieldResolver(() => [ProjectAccess], { description: 'Every grant on the project: a user or a team, and its role; oldest first.' })
  async access(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectAccess[]> {
    const grants = await ctx.loaders.projectGrants.load(project.id);
    return Promise.all(
      grants.map(async (grant) => ({
        // Foreign keys guarantee the principal and the role.
        principal: (grant.userId ? await ctx.loaders.userById.load(grant.userId) : await ctx.loaders.teamById.load(grant.teamId!)) as User | Team,
        role: grant.role!,
      })),
    );
  }

  @FieldResolver(() => [ProjectPermission], {
    description: "Needs PROJECT_ACCESS_MANAGE on the project. The user's permissions on it; NOT_FOUND when the user is not in its organization.",
  })
  async effectivePermissions(
    @Root() project: Project,
    @Arg('userId', () => ID, { description: "A member of the project's organization." }) userId: string,
    @Ctx() ctx: Context,
  ): Promise<ProjectPermission[]> {
    // The user's own rights (the viewer's token, if any, limits who may ask, not what the user holds).
    const standing = isUuid(userId) ? await ctx.loaders.effectivePermissions.load(pairKey(project.id, userId)) : null;
    if (!standing) throw new NotFoundError();
    return standing.permissions;
  }

  @Mutation(() => ProjectPayload, { description: 'Needs PROJECTS_CREATE; the creator is granted the Owner role.' })
  async createProject(
    @Arg('input', () => CreateProjectInput, { description: 'The parameters of `createProject`.' }) input: CreateProjectInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectPayload> {
    return { project: await ctx.services.projects.create(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => ProjectPayload, { description: 'Needs PROJECT_SETTINGS_MANAGE.' })
  async updateProject(
    @Arg('input', () => UpdateProjectInput, { description: 'The parameters of `updateProject`.' }) input: UpdateProjectInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectPayload> {
    return { project: await ctx.services.projects.update(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => DeleteProjectPayload, { description: 'Needs PROJECT_DELETE.' })
  async deleteProject(
    @Arg('input', () => DeleteProjectInput, { description: 'The parameters of `deleteProject`.' }) input: DeleteProjectInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteProjectPayload> {
    await ctx.services.projects.delete(requireViewer(ctx).user.id, input.projectId);
    return { deletedProjectId: input.projectId };
  }

  @Mutation(() => ProjectAccessPayload, {
    description: "Needs PROJECT_ACCESS_MANAGE, and every permission of the role (FORBIDDEN otherwise). Replaces the principal's previous role on the project.",
  })
  async grantProjectAccess(
    @Arg('input', () => GrantProjectAccessInput, { description: 'The parameters of `grantProjectAccess`.' }) input: GrantProjectAccessInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectAccessPayload> {
    return { access: await ctx.services.projects.grant(requireViewer(ctx).user.id, input, ctx.access.scope) };
  }

  @Mutation(() => ProjectPayload, {
    description: 'Needs PROJECT_ACCESS_MANAGE and every permission of the revoked role (FORBIDDEN). NOT_FOUND when the principal holds no role on the project.',
  })
  async revokeProjectAccess(
    @Arg('input', () => RevokeProjectAccessInput, { description: 'The parameters of `revokeProjectAccess`.' }) input: RevokeProjectAccessInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectPayload> {
    return { project: await ctx.services.projects.revoke(requireViewer(ctx).user.id, input, ctx.access.scope) };
  }
}

@Resolver(() => Organization)
export class OrganizationProjectsResolver {
  @FieldResolver(() => ProjectConnection, { description: 'Only the projects the viewer may see (PROJECT_VIEW), newest first; totalCount counts only those.' })
  async projects(
    @Root() organization: Organization,
    @Ctx() ctx: Context,
    @FirstArg() first: number | null,
    @AfterArg() after: string | null,
  ): Promise<ConnectionShape<Project>> {
    const request = pageRequest(first, after);
    const viewerId = ctx.access.requireViewer();
    // An access token without PROJECT_VIEW sees no project (the SQL below decides for the user alone).
    const { rows, totalCount } = scopedProjectPermissions([ProjectPermission.PROJECT_VIEW], ctx.access.scope).length
      ? await ctx.loaders.visibleProjectsPage(request, viewerId).load(organization.id)
      : { rows: [], totalCount: 0 };
    return toConnection(rows, request, totalCount, (p) => ({ createdAt: p.createdAt, id: p.id }));
  }
}
