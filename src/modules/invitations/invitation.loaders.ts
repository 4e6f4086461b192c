import { In, type EntityManager } from 'typeorm';
import { groupLoader, rowLoader } from '../../db/loader-utils';
import { InvitationProjectGrant } from './invitation-project-grant.entity';
import { InvitationTeam } from './invitation-team.entity';
import { Invitation } from './invitation.entity';

export function createInvitationLoaders(em: EntityManager) {
  return {
    invitationById: rowLoader(
      (ids: readonly string[]) => em.findBy(Invitation, { id: In([...ids]) }),
      (i) => i.id,
    ),
    /** The invited teams with their Team rows, in name order. */
    invitationTeams: groupLoader(
      (invitationIds: readonly string[]) =>
        em.find(InvitationTeam, { where: { invitationId: In([...invitationIds]) }, relations: { team: true }, order: { team: { name: 'ASC' } } }),
      (t) => t.invitationId,
    ),
    /** The invited project grants with their Project and Role rows, in project name order. */
    invitationProjectGrants: groupLoader(
      (invitationIds: readonly string[]) =>
        em.find(InvitationProjectGrant, {
          where: { invitationId: In([...invitationIds]) },
          relations: { project: true, role: true },
          order: { project: { name: 'ASC' } },
        }),
      (g) => g.invitationId,
    ),
  };
}
