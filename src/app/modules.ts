import type { ClassType, NonEmptyArray } from 'type-graphql';
import { accessTokensModule } from '../modules/access-tokens/access-token.module';
import { adminModule } from '../modules/admin/admin.module';
import { auditModule } from '../modules/audit/audit.module';
import { authModule } from '../modules/auth/auth.module';
import { eventsModule } from '../modules/events/events.module';
import { webhooksModule } from '../modules/webhooks/webhook.module';
import { invitationsModule } from '../modules/invitations/invitation.module';
import { mailModule } from '../modules/mail/mail.module';
import { membersModule } from '../modules/members/member.module';
import { organizationsModule } from '../modules/organizations/organization.module';
import { projectsModule } from '../modules/projects/project.module';
import { reinstatementModule } from '../modules/reinstatement/reinstatement.module';
import { rolesModule } from '../modules/roles/role.module';
import { teamsModule } from '../modules/teams/team.module';

/**
 * Every module, bottom to top: a module may import only modules before it in this list (and
 * only their `.entity`, `.types` and `.api` files); what a lower module needs from a higher
 * one is a port the root wires (services.ts). `npm run depcheck` holds the order.
 */
export const modules = [
  mailModule,
  organizationsModule,
  authModule,
  auditModule,
  membersModule,
  teamsModule,
  rolesModule,
  projectsModule,
  reinstatementModule,
  invitationsModule,
  adminModule,
  accessTokensModule,
  webhooksModule,
  eventsModule,
];

export const entities = modules.flatMap((m): ClassType[] => m.entities);

export const resolvers = modules.flatMap((m): ClassType[] => m.resolvers) as NonEmptyArray<ClassType>;
