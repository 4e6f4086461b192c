import type { ModuleRegistration } from '../../graphql/module';
import { InvitationProjectGrant } from './invitation-project-grant.entity';
import { InvitationTeam } from './invitation-team.entity';
import { Invitation } from './invitation.entity';
import { createInvitationLoaders } from './invitation.loaders';
import { InvitationResolver, OrganizationInvitationsResolver } from './invitation.resolver';
import { InvitationService, type InvitationDeps } from './invitation.service';

export const invitationsModule = {
  entities: [Invitation, InvitationTeam, InvitationProjectGrant],
  resolvers: [InvitationResolver, OrganizationInvitationsResolver],
  loaders: createInvitationLoaders,
  service: (deps: InvitationDeps) => new InvitationService(deps),
} satisfies ModuleRegistration<InvitationDeps, InvitationService>;

declare module '../../graphql/context' {
  interface Loaders extends ReturnType<typeof createInvitationLoaders> {}
  interface Services {
    invitations: InvitationService;
  }
}
