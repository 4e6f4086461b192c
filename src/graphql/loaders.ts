import type { EntityManager } from 'typeorm';
import { createAuthLoaders } from '../modules/auth/auth.loaders';
import { createInvitationLoaders } from '../modules/invitations/invitation.loaders';
import { createMemberLoaders } from '../modules/members/member.loaders';
import { createOrganizationLoaders } from '../modules/organizations/organization.loaders';
import { createProjectLoaders } from '../modules/projects/project.loaders';
import { createRoleLoaders } from '../modules/roles/role.loaders';
import { createTeamLoaders } from '../modules/teams/team.loaders';

/** Every module's loaders, made anew for each request and never shared across requests. */
export function createLoaders(em: EntityManager) {
  return {
    ...createAuthLoaders(em),
    ...createOrganizationLoaders(em),
    ...createMemberLoaders(em),
    ...createTeamLoaders(em),
    ...createRoleLoaders(em),
    ...createProjectLoaders(em),
    ...createInvitationLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
