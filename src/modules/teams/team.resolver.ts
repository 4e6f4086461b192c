import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { TeamRole } from '../../authz/enums';
import { requireViewer, type Context } from '../../graphql/context';
import { pairKey } from '../../db/loader-utils';
import { pageRequest } from '../../common/paging';
import { AfterArg, FirstArg, toConnection, type ConnectionShape } from '../../graphql/pagination';
import { User } from '../auth/user.entity';
import { Membership } from '../members/membership.entity';
import { Organization } from '../organizations/organization.entity';
import { TeamMember } from './team-member.entity';
import { Team } from './team.entity';
import { AddTeamMemberInput, CreateTeamInput, DeleteTeamInput, RemoveTeamMemberInput, UpdateTeamInput, UpdateTeamMemberRoleInput } from './team.inputs';
import { DeleteTeamPayload, RemoveTeamMemberPayload, TeamMemberConnection, TeamMemberPayload, TeamPayload } from './team.types';

@Resolver(() => Team)
export class TeamResolver {
  @FieldResolver(() => TeamRole, { nullable: true, description: "The viewer's role in this team; null when not in it." })
  async viewerRole(@Root() team: Team, @Ctx() ctx: Context): Promise<TeamRole | null> {
    const viewerId = ctx.viewer?.user.id;
    return viewerId ? ((await ctx.loaders.teamMembership.load(pairKey(team.id, viewerId)))?.role ?? null) : null;
  }

  @FieldResolver(() => TeamMemberConnection, { description: 'Newest first.' })
  async members(
    @Root() team: Team,
    @Ctx() ctx: Context,
    @FirstArg() first: number | null,
    @AfterArg() after: string | null,
  ): Promise<ConnectionShape<TeamMember>> {
    const request = pageRequest(first, after);
    const { rows, totalCount } = await ctx.loaders.teamMembersPage(request).load(team.id);
    return toConnection(rows, request, totalCount, (m) => ({ createdAt: m.createdAt, id: m.userId }));
  }

  @Mutation(() => TeamPayload, { description: 'Needs TEAMS_MANAGE. Names are unique in the organization, case-insensitively (CONFLICT).' })
  async createTeam(
    @Arg('input', () => CreateTeamInput, { description: 'The parameters of `createTeam`.' }) input: CreateTeamInput,
    @Ctx() ctx: Context,
  ): Promise<TeamPayload> {
    return { team: await ctx.services.teams.create(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => TeamPayload, { description: 'Needs TEAMS_MANAGE or TEAM_ADMIN of the team.' })
  async updateTeam(
    @Arg('input', () => UpdateTeamInput, { description: 'The parameters of `updateTeam`.' }) input: UpdateTeamInput,
    @Ctx() ctx: Context,
  ): Promise<TeamPayload> {
    return { team: await ctx.services.teams.update(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => DeleteTeamPayload, { description: 'Needs TEAMS_MANAGE. Never the default team nor the last one (CONFLICT).' })
  async deleteTeam(
    @Arg('input', () => DeleteTeamInput, { description: 'The parameters of `deleteTeam`.' }) input: DeleteTeamInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteTeamPayload> {
    await ctx.services.teams.delete(requireViewer(ctx).user.id, input.teamId);
    return { deletedTeamId: input.teamId };
  }

  @Mutation(() => TeamMemberPayload, {
    description: 'Needs TEAMS_MANAGE or TEAM_ADMIN. Only members of the organization (else NOT_FOUND); already in the team is CONFLICT.',
  })
  async addTeamMember(
    @Arg('input', () => AddTeamMemberInput, { description: 'The parameters of `addTeamMember`.' }) input: AddTeamMemberInput,
    @Ctx() ctx: Context,
  ): Promise<TeamMemberPayload> {
    return { member: await ctx.services.teams.addMember(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => TeamMemberPayload, { description: 'Needs TEAMS_MANAGE or TEAM_ADMIN of the team.' })
  async updateTeamMemberRole(
    @Arg('input', () => UpdateTeamMemberRoleInput, { description: 'The parameters of `updateTeamMemberRole`.' }) input: UpdateTeamMemberRoleInput,
    @Ctx() ctx: Context,
  ): Promise<TeamMemberPayload> {
    return { member: await ctx.services.teams.updateMemberRole(requireViewer(ctx).user.id, input) };
  }

  @Mutation(() => RemoveTeamMemberPayload, { description: 'Needs TEAMS_MANAGE or TEAM_ADMIN of the team.' })
  async removeTeamMember(
    @Arg('input', () => RemoveTeamMemberInput, { description: 'The parameters of `removeTeamMember`.' }) input: RemoveTeamMemberInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveTeamMemberPayload> {
    await ctx.services.teams.removeMember(requireViewer(ctx).user.id, input);
    return { removedUserId: input.userId };
  }
}

@Resolver(() => TeamMember)
export class TeamMemberResolver {
  @FieldResolver(() => User, { description: 'The member.' })
  async user(@Root() member: TeamMember, @Ctx() ctx: Context): Promise<User> {
    // The foreign key to memberships guarantees the user.
    return (await ctx.loaders.userById.load(member.userId)) as User;
  }
}

@Resolver(() => Membership)
export class MemberTeamsResolver {
  @FieldResolver(() => [Team], { description: "The member's teams in this organization, by name." })
  teams(@Root() member: Membership, @Ctx() ctx: Context): Team[] | Promise<Team[]> {
    // A members page brings each member's teams along (by name): answered at once, without a promise per member.
    if (member.pageTeams) return member.pageTeams as Team[];
    return ctx.loaders.teamMembershipsOfMember.load(pairKey(member.organizationId, member.userId)).then((found) => found.map((tm) => tm.team as Team));
  }
}

@Resolver(() => Organization)
export class OrganizationTeamsResolver {
  @FieldResolver(() => [Team], { description: 'By name.' })
  teams(@Root() organization: Organization, @Ctx() ctx: Context): Promise<Team[]> {
    return ctx.loaders.teamsByOrganization.load(organization.id);
  }
}
