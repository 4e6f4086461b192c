import type { DataSource } from 'typeorm';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { AuditLogService } from '../modules/audit/audit.service';
import { AuthService } from '../modules/auth/auth.service';
import { InvitationService } from '../modules/invitations/invitation.service';
import { MemberService } from '../modules/members/member.service';
import { OrganizationService } from '../modules/organizations/organization.service';

export interface ServiceDeps {
  dataSource: DataSource;
  config: Config;
  logger: Logger;
}

/** Every domain service, built once per process; they hold no per-request state. */
export function createServices({ dataSource, config }: ServiceDeps) {
  const organizations = new OrganizationService(dataSource);
  const auth = new AuthService(dataSource, config, organizations);
  const members = new MemberService(dataSource, organizations);
  const audit = new AuditLogService(dataSource);
  const invitations = new InvitationService(dataSource, config, auth, organizations);
  return { auth, organizations, members, audit, invitations };
}

export type Services = ReturnType<typeof createServices>;
