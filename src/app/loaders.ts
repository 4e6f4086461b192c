import type { EntityManager } from 'typeorm';
import type { Loaders } from '../graphql/context';
import { accessTokensModule } from '../modules/access-tokens/access-token.module';
import { adminModule } from '../modules/admin/admin.module';
import { auditModule } from '../modules/audit/audit.module';
import { authModule } from '../modules/auth/auth.module';
import { invitationsModule } from '../modules/invitations/invitation.module';
import { membersModule } from '../modules/members/member.module';
import { organizationsModule } from '../modules/organizations/organization.module';
import { projectsModule } from '../modules/projects/project.module';
import { rolesModule } from '../modules/roles/role.module';
import { teamsModule } from '../modules/teams/team.module';
import { webhooksModule } from '../modules/webhooks/webhook.module';

/** Every module's loaders, made anew for each request and never shared across requests. */
export function createLoaders(em: EntityManager): Loaders {
  return {
    ...authModule.loaders(em),
    ...organizationsModule.loaders(em),
    ...auditModule.loaders(em),
    ...membersModule.loaders(em),
    ...teamsModule.loaders(em),
    ...rolesModule.loaders(em),
    ...projectsModule.loaders(em),
    ...invitationsModule.loaders(em),
    ...adminModule.loaders(em),
    ...accessTokensModule.loaders(em),
    ...webhooksModule.loaders(em),
  };
}
