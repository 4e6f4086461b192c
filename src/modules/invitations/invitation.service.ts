import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import type { OrganizationRole, ProjectPermission } from '../../authz/enums';
import { canGrantRole, canInviteAs, type TokenScope } from '../../authz/policies';
import type { AuditRecorder } from '../../common/audit';
import { AppError, BadUserInputError, ConflictError, ForbiddenError, GoneError, NotFoundError, UnauthenticatedError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { rowById } from '../../db/rows';
import { normalizeEmail, optionalText, trimmed } from '../../common/text';
import { tokenHash } from '../../common/tokens';
import type { Config } from '../../config/config';
import type { Logger } from '../../config/logger';
import type { AttemptBudgets, Spend } from '../../db/attempt-limiter';
import { isUniqueViolation } from '../../db/pg-errors';
import type { Viewer } from '../../graphql/context';
import { validateInput } from '../../graphql/validators';
import type { UsersApi } from '../auth/auth.api';
import { User } from '../auth/user.entity';
import type { InvitationJob, InvitationMail, MailApi } from '../mail/mail.api';
import type { MembersApi } from '../members/member.api';
import { Membership } from '../members/membership.entity';
import type { OrganizationsApi } from '../organizations/organization.api';
import { Organization } from '../organizations/organization.entity';
import type { ProjectsApi } from '../projects/project.api';
import type { ReinstatementApi } from '../reinstatement/reinstatement.api';
import type { TeamsApi } from '../teams/team.api';
import { composeInvitationMail } from './invitation-mail';
import { InvitationProjectGrant } from './invitation-project-grant.entity';
import { InvitationTeam } from './invitation-team.entity';
import { Invitation, InvitationStatus } from './invitation.entity';
import { InviteMemberInput, type AcceptInvitationInput, type InviteMembersInput, type ProjectGrantInput } from './invitation.inputs';
import type { InvitationPreview, InviteMembersError, InviteMembersResult } from './invitation.types';
import { sqlChange, sqlRows } from '../../db/sql';

export interface InvitationDeps {
  dataSource: DataSource;
  config: Config;
  logger: Logger;
  budgets: AttemptBudgets;
  users: UsersApi;
  organizations: OrganizationsApi;
  members: MembersApi;
  teams: TeamsApi;
  projects: ProjectsApi;
  reinstatement: ReinstatementApi;
  audit: AuditRecorder;
  mail: MailApi;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * One answer for every token that matches no live invitation: a replaced token (after a resend)
 * is indistinguishable from an unknown one, because only the current token's hash is stored.
 */
const GONE = 'This invitation is no longer valid: it expired, was revoked, declined, replaced by a newer email, or already used.';

/** Tokens are 43 characters; anything far longer is not worth hashing. */
const plausibleToken = (token: string) => token.length > 0 && token.length <= 200;

export interface AcceptResult {
  /** Only when the acceptance created the account. */
  session: { token: string; sessionId: string } | null;
  user: User;
  organization: Organization;
}

/** An invitation email (new or resent) spends from the organization's, the inviter's and the recipient's budgets. */
const invitationEmail = (organizationId: string, inviterId: string, email: string): Spend[] => [
  ['invitationsPerOrganization', organizationId],
  ['invitationsPerInviter', inviterId],
  ['invitationsPerRecipient', email],
];

export class InvitationService {
  constructor(private readonly deps: InvitationDeps) {}

  /** `scope`: the acting access token's (CONTRACT.md, Access tokens); null with a session. */
  async invite(actorId: string, input: InviteMemberInput, scope: TokenScope | null): Promise<Invitation> {
    const organizationId = input.organizationId;
    const email = normalizeEmail(input.email);
    await this.deps.budgets.spend(...invitationEmail(organizationId, actorId, email));
    return this.deps.dataSource.transaction(async (em) => {
      // Serializes with member removal, which revokes the pending invitations the removed member sent.
      await this.deps.organizations.lock(em, organizationId);
      const actor = await em.findOneBy(Membership, { organizationId, userId: actorId });
      if (!actor) throw new NotFoundError();
      if (!canInviteAs(actor.role, input.role, scope)) throw new ForbiddenError('Inviting an OWNER needs OWNERS_MANAGE.');
      const teamIds = await this.invitedTeams(em, organizationId, input.teamIds);
      const grants = await this.invitedGrants(em, organizationId, actorId, scope, input.projectGrants ?? []);
      await this.refuseMember(em, organizationId, email);
      await this.expireStale(em, organizationId, email);
      let invitation: Invitation;
      try {
        invitation = await em.save(
          em.create(Invitation, {
            organizationId,
            email,
            name: input.name ? trimmed(input.name) : null,
            role: input.role,
            note: optionalText(input.note) ?? null,
            storedStatus: InvitationStatus.PENDING,
            tokenHash: null,
            expiresAt: new Date(Date.now() + (input.expiresInDays ?? this.deps.config.invitationTtlDays) * DAY_MS),
            sentCount: 1,
            lastSentAt: new Date(),
            invitedById: actorId,
            acceptedById: null,
            reinstate: input.reinstate === true,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error, 'invitations_one_pending'))
          throw new ConflictError('This email address already has a pending invitation to the organization.');
        throw error;
      }
      await em.insert(
        InvitationTeam,
        teamIds.map((teamId) => ({ invitationId: invitation.id, teamId, organizationId })),
      );
      if (grants.length > 0) {
        await em.insert(
          InvitationProjectGrant,
          grants.map((g) => ({ invitationId: invitation.id, projectId: g.projectId, roleId: g.roleId, organizationId })),
        );
      }
      await this.send(em, invitation);
      await this.deps.audit.record(em, {
        organizationId,
        actorId,
        action: 'member.invited',
        targetType: 'Invitation',
        targetId: invitation.id,
        data: {
          email,
          role: input.role,
          teamIds,
          projectGrants: grants.map((g) => ({ projectId: g.projectId, roleId: g.roleId })),
          reinstate: invitation.reinstate,
        },
      });
      return invitation;
    });
  }

  /**
   * Up to 100 invitations: each row is checked by the input rules of inviteMember and then
   * sent by invite() itself, in its own transaction with its own budgets and mail, so a row
   * fails alone; the results come in input order.
   */
  async inviteMany(actorId: string, input: InviteMembersInput, scope: TokenScope | null): Promise<InviteMembersResult[]> {
    const { organizationId, note, expiresInDays, reinstate } = input;
    const results: InviteMembersResult[] = [];
    for (const row of input.invitations) {
      const single = Object.assign(new InviteMemberInput(), row, { organizationId, note, expiresInDays, reinstate });
      try {
        await validateInput(single);
        const invitation = await this.invite(actorId, single, scope);
        results.push({ email: invitation.email, invitation, error: null });
      } catch (error) {
        results.push({ email: typeof row.email === 'string' ? row.email : '', invitation: null, error: this.rowError(error) });
      }
    }
    return results;
  }

  /** A row's refusal as the row's result: domain errors as they are, anything else logged and described as nothing more than internal. */
  private rowError(error: unknown): InviteMembersError {
    if (error instanceof AppError) {
      return { code: error.code, message: error.message, fields: error instanceof BadUserInputError ? error.fields : null };
    }
    this.deps.logger.error({ err: error }, 'inviteMembers: a row failed unexpectedly');
    return { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', fields: null };
  }

  /** A new token (the old one stops working at once), a new expiry as long as the last one, and another email. */
  async resend(actorId: string, invitationId: string): Promise<Invitation> {
    // The budget is spent before the transaction: the limiter uses a connection of its own.
    const target = isUuid(invitationId)
      ? await this.deps.dataSource.manager.findOne(Invitation, { select: { organizationId: true, email: true }, where: { id: invitationId } })
      : null;
    if (target) await this.deps.budgets.spend(...invitationEmail(target.organizationId, actorId, target.email));
    return this.deps.dataSource.transaction(async (em) => {
      const current = await this.lockChangeable(em, invitationId, 'resent');
      await this.refuseMember(em, current.organizationId, current.email);
      await this.expireStale(em, current.organizationId, current.email);
      try {
        await em.query(
          `UPDATE invitations SET status = 'PENDING', expires_at = now() + (expires_at - last_sent_at), sent_count = sent_count + 1,
                  last_sent_at = now(), token_hash = NULL
            WHERE id = $1`,
          [invitationId],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'invitations_one_pending'))
          throw new ConflictError('This email address has a newer pending invitation to the organization.');
        throw error;
      }
      const invitation = await em.findOneByOrFail(Invitation, { id: invitationId });
      await this.send(em, invitation);
      await this.deps.audit.record(em, {
        organizationId: invitation.organizationId,
        actorId,
        action: 'invitation.resent',
        targetType: 'Invitation',
        targetId: invitation.id,
        data: { email: invitation.email, sentCount: invitation.sentCount },
      });
      return invitation;
    });
  }

  async revoke(actorId: string, invitationId: string): Promise<Invitation> {
    return this.deps.dataSource.transaction(async (em) => {
      const invitation = await this.lockChangeable(em, invitationId, 'revoked');
      await em.update(Invitation, invitationId, { storedStatus: InvitationStatus.REVOKED });
      invitation.storedStatus = InvitationStatus.REVOKED;
      await this.deps.audit.record(em, {
        organizationId: invitation.organizationId,
        actorId,
        action: 'invitation.revoked',
        targetType: 'Invitation',
        targetId: invitation.id,
        data: { email: invitation.email },
      });
      return invitation;
    });
  }

  /** Public. Null when the token matches no invitation (unknown, or replaced by a resend); otherwise the invitation in any status. */
  async preview(token: string): Promise<InvitationPreview | null> {
    if (!plausibleToken(token)) return null;
    const invitation = await this.deps.dataSource.manager.findOne(Invitation, {
      where: { tokenHash: tokenHash(token) },
      relations: { organization: true, invitedBy: true },
    });
    if (!invitation?.organization) return null;
    return {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      status: invitation.status,
      expiresAt: invitation.expiresAt,
      note: invitation.note,
      organization: { name: invitation.organization.name, moniker: invitation.organization.moniker },
      invitedBy: invitation.invitedBy ? { name: invitation.invitedBy.name } : null,
    };
  }

  /**
   * Claims the invitation with ONE conditional update first, so racing accepts of a token wait
   * on its row and then find it no longer PENDING (GONE); every later refusal rolls the claim back.
   */
  async accept(viewer: Viewer | null, input: AcceptInvitationInput): Promise<AcceptResult> {
    if (!plausibleToken(input.token)) throw new GoneError(GONE);
    return this.deps.dataSource.transaction(async (em) => {
      const [claimed] = (
        await sqlChange<{ id: string; organization_id: string; email: string; role: string; reinstate: boolean; invited_by_id: string | null }>(
          em,
          `UPDATE invitations SET status = 'ACCEPTED', accepted_by_id = $2
            WHERE token_hash = $1 AND status = 'PENDING' AND expires_at > now()
            RETURNING id, organization_id, email, role, reinstate, invited_by_id`,
          [tokenHash(input.token), viewer?.user.id ?? null],
        )
      ).rows;
      if (!claimed) throw new GoneError(GONE);
      const organizationId = claimed.organization_id;
      // Invitations to a disabled account may be sent, but not accepted until it is enabled again.
      if (await em.existsBy(User, { email: claimed.email, disabledAt: Not(IsNull()) })) {
        throw new ForbiddenError('This account is disabled: it cannot accept invitations until an instance administrator enables it.');
      }
      let user: User;
      let session: AcceptResult['session'] = null;
      if (viewer) {
        if (viewer.user.email !== claimed.email) throw new ForbiddenError('This invitation was sent to another email address.');
        user = viewer.user;
      } else {
        if (await em.existsBy(User, { email: claimed.email }))
          throw new UnauthenticatedError('An account with this email address exists: sign in to accept the invitation.');
        const missing = (['name', 'password'] as const).filter((field) => !input[field]);
        if (missing.length > 0) throw new BadUserInputError(missing.map((field) => ({ field, message: 'Required to create the account.' })));
        user = await this.deps.users.createUser(em, claimed.email, input.name!, input.password!, true);
        await em.update(Invitation, claimed.id, { acceptedById: user.id });
        session = await this.deps.users.openSession(em, user.id);
      }
      if (!(await this.deps.members.add(em, organizationId, user.id, claimed.role as OrganizationRole))) {
        throw new ConflictError('You are already a member of this organization.');
      }
      // What they held when they left first, so the invitation's own teams and grants come on top.
      if (claimed.reinstate) await this.deps.reinstatement.restore(em, organizationId, user.id, claimed.invited_by_id);
      const teams = await em.findBy(InvitationTeam, { invitationId: claimed.id });
      await this.deps.teams.join(
        em,
        organizationId,
        user.id,
        teams.map((t) => t.teamId),
      );
      const grants = await em.findBy(InvitationProjectGrant, { invitationId: claimed.id });
      if (grants.length > 0) await this.deps.projects.grantToUser(em, organizationId, user.id, grants);
      // The joined organization becomes active only for a user who has none.
      await this.deps.users.setActiveOrganization(em, user.id, organizationId, true);
      await this.deps.audit.record(em, {
        organizationId,
        actorId: user.id,
        action: 'invitation.accepted',
        targetType: 'Invitation',
        targetId: claimed.id,
        data: { email: claimed.email, role: claimed.role },
      });
      await this.deps.mail.notifyOrganization(em, organizationId, { event: 'invitation.accepted', email: claimed.email, name: user.name });
      return { session, user, organization: await em.findOneByOrFail(Organization, { id: organizationId }) };
    });
  }

  /** Public: whoever holds the token may decline it. */
  async decline(viewerId: string | null, token: string): Promise<Invitation> {
    if (!plausibleToken(token)) throw new GoneError(GONE);
    return this.deps.dataSource.transaction(async (em) => {
      const [declined] = (
        await sqlChange<{ id: string }>(
          em,
          `UPDATE invitations SET status = 'DECLINED' WHERE token_hash = $1 AND status = 'PENDING' AND expires_at > now() RETURNING id`,
          [tokenHash(token)],
        )
      ).rows;
      if (!declined) throw new GoneError(GONE);
      const invitation = await em.findOneByOrFail(Invitation, { id: declined.id });
      await this.deps.audit.record(em, {
        organizationId: invitation.organizationId,
        actorId: viewerId,
        action: 'invitation.declined',
        targetType: 'Invitation',
        targetId: invitation.id,
        data: { email: invitation.email },
      });
      await this.deps.mail.notifyOrganization(em, invitation.organizationId, { event: 'invitation.declined', email: invitation.email });
      return invitation;
    });
  }

  /** Enqueues the email for the invitation's current sending; the worker mints the token when it runs (invitationMail). */
  private send(em: EntityManager, invitation: Invitation): Promise<void> {
    const payload: InvitationJob = { invitationId: invitation.id, sentCount: invitation.sentCount };
    return this.deps.mail.enqueue(em, { kind: 'invitation', payload }, invitation.organizationId);
  }

  /** The email of a queued invitation job, with a freshly minted token; null when the job is outdated. */
  invitationMail(job: InvitationJob): Promise<InvitationMail | null> {
    return composeInvitationMail(this.deps.dataSource, job, this.deps.config.publicUrl);
  }

  /** A departing member's pending invitations are revoked with the departure. */
  async revokeSentBy(em: EntityManager, organizationId: string, userId: string): Promise<void> {
    await em.update(Invitation, { organizationId, invitedById: userId, storedStatus: InvitationStatus.PENDING }, { storedStatus: InvitationStatus.REVOKED });
  }

  /** The invitation row, locked; only PENDING and EXPIRED ones may be resent or revoked. */
  private async lockChangeable(em: EntityManager, invitationId: string, verb: string): Promise<Invitation> {
    const invitation = await rowById(em, Invitation, invitationId, true);
    if (invitation.status !== InvitationStatus.PENDING && invitation.status !== InvitationStatus.EXPIRED) {
      throw new ConflictError(`Only a pending or expired invitation can be ${verb}.`);
    }
    return invitation;
  }

  private async refuseMember(em: EntityManager, organizationId: string, email: string): Promise<void> {
    const [member] = await sqlRows(em, `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND u.email = $2`, [
      organizationId,
      email,
    ]);
    if (member) throw new ConflictError('This person is already a member of the organization.');
  }

  /** PENDING rows past their expiry become EXPIRED, so they no longer hold the one-pending-invitation slot. */
  private async expireStale(em: EntityManager, organizationId: string, email: string): Promise<void> {
    await em.query(`UPDATE invitations SET status = 'EXPIRED' WHERE organization_id = $1 AND email = $2 AND status = 'PENDING' AND expires_at <= now()`, [
      organizationId,
      email,
    ]);
  }

  /**
   * The teams the invitee joins: the default team when omitted. A team that is missing or in
   * another organization is BAD_USER_INPUT on teamIds, with one message for both (existence does not leak).
   */
  private async invitedTeams(em: EntityManager, organizationId: string, teamIds: string[] | null | undefined): Promise<string[]> {
    if (teamIds == null) {
      const [team] = await sqlRows<{ id: string }>(em, `SELECT id FROM teams WHERE organization_id = $1 AND is_default`, [organizationId]);
      return [team.id];
    }
    const wanted = [...new Set(teamIds)];
    const found = wanted.every(isUuid)
      ? await sqlRows<{ id: string }>(em, `SELECT id FROM teams WHERE organization_id = $1 AND id = ANY($2::uuid[]) FOR KEY SHARE`, [organizationId, wanted])
      : [];
    if (found.length !== wanted.length) throw BadUserInputError.field('teamIds', 'Every team must be a team of the organization.');
    return wanted;
  }

  /**
   * Each project once, in the organization; each role built-in or the organization's own; and
   * no escalation: the inviter must be able to grant that role on that project right now.
   * Projects and roles are key-share locked (as invitedTeams does teams) until the invitation
   * references them: a racing delete either waits and then sees the invitation, or wins first
   * and the invitation is refused here, never with a foreign-key error later.
   */
  private async invitedGrants(
    em: EntityManager,
    organizationId: string,
    actorId: string,
    scope: TokenScope | null,
    grants: ProjectGrantInput[],
  ): Promise<ProjectGrantInput[]> {
    if (grants.length === 0) return [];
    const projectIds = grants.map((g) => g.projectId);
    if (new Set(projectIds).size !== projectIds.length) throw BadUserInputError.field('projectGrants', 'Each project may appear once.');
    const projects = projectIds.every(isUuid)
      ? await sqlRows<{ id: string }>(em, `SELECT id FROM projects WHERE organization_id = $1 AND id = ANY($2::uuid[]) FOR KEY SHARE`, [
          organizationId,
          projectIds,
        ])
      : [];
    if (projects.length !== projectIds.length) throw BadUserInputError.field('projectGrants', 'Every project must be a project of the organization.');
    const roleIds = [...new Set(grants.map((g) => g.roleId))];
    const roles = roleIds.every(isUuid)
      ? await sqlRows<{ id: string; permissions: ProjectPermission[] }>(
          em,
          `SELECT id, permissions FROM roles WHERE id = ANY($2::uuid[]) AND (organization_id IS NULL OR organization_id = $1) FOR KEY SHARE`,
          [organizationId, roleIds],
        )
      : [];
    const rolePermissions = new Map(roles.map((r) => [r.id, r.permissions]));
    if (rolePermissions.size !== roleIds.length)
      throw BadUserInputError.field('projectGrants', 'Every role must be a built-in role or a role of the organization.');
    const held = await this.deps.projects.permissionsOn(em, projectIds, actorId, scope);
    grants.forEach((grant, i) => {
      const permissions = held[i];
      if (!canGrantRole(permissions ?? [], rolePermissions.get(grant.roleId)!)) {
        throw new ForbiddenError('You cannot grant a role carrying permissions you do not hold on that project.');
      }
    });
    return grants;
  }
}
