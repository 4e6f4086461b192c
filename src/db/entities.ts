import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Session } from '../modules/auth/session.entity';
import { User } from '../modules/auth/user.entity';
import { InvitationProjectGrant } from '../modules/invitations/invitation-project-grant.entity';
import { InvitationTeam } from '../modules/invitations/invitation-team.entity';
import { Invitation } from '../modules/invitations/invitation.entity';
import { Membership } from '../modules/members/membership.entity';
import { OrganizationMoniker } from '../modules/organizations/organization-moniker.entity';
import { Organization } from '../modules/organizations/organization.entity';
import { ProjectGrant } from '../modules/projects/project-grant.entity';
import { Project } from '../modules/projects/project.entity';
import { Role } from '../modules/roles/role.entity';
import { TeamMember } from '../modules/teams/team-member.entity';
import { Team } from '../modules/teams/team.entity';

export const entities = [
  Organization, OrganizationMoniker, User, Session, Membership, Team, TeamMember, Role, Project, ProjectGrant,
  Invitation, InvitationTeam, InvitationProjectGrant, AuditEvent,
];
