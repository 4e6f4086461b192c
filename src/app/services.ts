import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { AttemptBudgets } from '../graphql/rate-limit';
import { AuditLogService } from '../modules/audit/audit.service';
import { AuthService } from '../modules/auth/auth.service';
import { InvitationService } from '../modules/invitations/invitation.service';
import { MemberService } from '../modules/members/member.service';
import { OrganizationService } from '../modules/organizations/organization.service';
import { ProjectService } from '../modules/projects/project.service';
import { RoleService } from '../modules/roles/role.service';
import { TeamService } from '../modules/teams/team.service';

export interface ServiceDeps {
  dataSource: DataSource;
  config: Config;
  logger: Logger;
}

/** Every domain service, built once per process; they hold no per-request state. */
export function createServices({ dataSource, config }: ServiceDeps) {
  const budgets = new AttemptBudgets(dataSource, config.rateLimits);
  const organizations = new OrganizationService(dataSource, budgets);
  const auth = new AuthService(dataSource, config, budgets, organizations);
  const members = new MemberService(dataSource, organizations);
  const audit = new AuditLogService(dataSource);
  const invitations = new InvitationService(dataSource, config, budgets, auth, organizations);
  const teams = new TeamService(dataSource, organizations);
  const roles = new RoleService(dataSource);
  const projects = new ProjectService(dataSource);
  return { auth, organizations, members, audit, invitations, teams, roles, projects };
}

export type Services = ReturnType<typeof createServices>;
