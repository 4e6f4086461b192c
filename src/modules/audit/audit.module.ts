import type { ModuleRegistration } from '../../graphql/module';
import { AuditEvent } from './audit-event.entity';
import { createAuditLoaders } from './audit.loaders';
import { AuditEventResolver, OrganizationAuditLogResolver } from './audit.resolver';
import { AuditLogService, type AuditDeps } from './audit.service';

export const auditModule = {
  entities: [AuditEvent],
  resolvers: [AuditEventResolver, OrganizationAuditLogResolver],
  loaders: createAuditLoaders,
  service: (deps: AuditDeps) => new AuditLogService(deps),
} satisfies ModuleRegistration<AuditDeps, AuditLogService>;

declare module '../../graphql/context' {
  interface Loaders extends ReturnType<typeof createAuditLoaders> {}
  interface Services {
    audit: AuditLogService;
  }
}
