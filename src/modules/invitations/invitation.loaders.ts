import { In, type EntityManager } from 'typeorm';
import { pageLoaders, pagesPerParent } from '../../db/batched-pages';
import { groupLoader, rowLoader } from '../../db/loader-utils';
import { InvitationProjectGrant } from './invitation-project-grant.entity';
import { InvitationTeam } from './invitation-team.entity';
import { Invitation, InvitationStatus } from './invitation.entity';

/** An invitations row as read by raw SQL (without its token hash). */
const toInvitation = (row: Record<string, unknown>): Invitation =>
  Object.assign(new Invitation(), {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    name: row.name,
    role: row.role,
    note: row.note,
    storedStatus: row.status,
    expiresAt: row.expires_at,
    sentCount: row.sent_count,
    lastSentAt: row.last_sent_at,
    invitedById: row.invited_by_id,
    acceptedById: row.accepted_by_id,
    createdAt: row.created_at,
  });

/** The SQL condition of a status filter: EXPIRED and PENDING are read from expires_at. */
function statusCondition(status: InvitationStatus | null | undefined, params: unknown[]): string {
  if (!status) return '';
  if (status === InvitationStatus.PENDING) return `AND i.status = 'PENDING' AND i.expires_at > now()`;
  if (status === InvitationStatus.EXPIRED) return `AND (i.status = 'EXPIRED' OR (i.status = 'PENDING' AND i.expires_at <= now()))`;
  return `AND i.status = $${params.push(status) + 1}`;
}

/** Each organization's invitations in `status` (all when none), newest first: every organization of the response in one query. */
function invitationsPage(em: EntityManager) {
  return pageLoaders<Invitation, InvitationStatus | null>((organizationIds, request, status) => {
    const params: unknown[] = [];
    return pagesPerParent(em, organizationIds, request, {
      source: `SELECT i.organization_id AS parent_id, i.created_at, i.id AS tie_id, i.id, i.organization_id, i.email, i.name, i.role, i.note,
                      i.status, i.expires_at, i.sent_count, i.last_sent_at, i.invited_by_id, i.accepted_by_id
                 FROM invitations i WHERE i.organization_id = ANY($1::uuid[]) ${statusCondition(status, params)}`,
      params,
      toNode: toInvitation,
    });
  });
}

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
    /** Use as invitationsPage(request, status).load(organizationId). */
    invitationsPage: invitationsPage(em),
  };
}
