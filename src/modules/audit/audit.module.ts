import type { ModuleRegistration } from '../../graphql/module';
import type { DataSource } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import { AuditEventResolver, OrganizationAuditLogResolver } from './audit.resolver';
import { AuditLogService } from './audit.service';

export const auditModule = {
  entities: [AuditEvent],
  resolvers: [AuditEventResolver, OrganizationAuditLogResolver],
  service: (deps: { dataSource: DataSource }) => new AuditLogService(deps.dataSource),
} satisfies ModuleRegistration<{ dataSource: DataSource }, AuditLogService>;

declare module '../../graphql/context' {
  interface Services {
    audit: AuditLogService;
  }
}
