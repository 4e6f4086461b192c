import type { NonEmptyArray } from 'type-graphql';
import { AuditEventResolver, OrganizationAuditLogResolver } from '../modules/audit/audit.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { UserResolver } from '../modules/auth/user.resolver';
import { EventsResolver } from '../modules/events/events.resolver';
import { InvitationResolver, OrganizationInvitationsResolver } from '../modules/invitations/invitation.resolver';
import { MemberResolver, OrganizationMembersResolver } from '../modules/members/member.resolver';
import { OrganizationResolver } from '../modules/organizations/organization.resolver';
import { OrganizationProjectsResolver, ProjectResolver } from '../modules/projects/project.resolver';
import { OrganizationRolesResolver, RoleResolver } from '../modules/roles/role.resolver';
import { OrganizationTeamsResolver, TeamMemberResolver, TeamResolver } from '../modules/teams/team.resolver';

/** Every module's resolvers. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [AuthResolver, UserResolver, OrganizationResolver, MemberResolver, OrganizationMembersResolver, AuditEventResolver, OrganizationAuditLogResolver, InvitationResolver, OrganizationInvitationsResolver, TeamResolver, TeamMemberResolver, OrganizationTeamsResolver, RoleResolver, OrganizationRolesResolver, ProjectResolver, OrganizationProjectsResolver, EventsResolver];
