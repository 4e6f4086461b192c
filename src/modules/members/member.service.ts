import type { DataSource, EntityManager } from 'typeorm';
import { OrganizationRole } from '../../authz/enums';
import { canChangeMemberRole, canRemoveMember, type TokenScope } from '../../authz/policies';
import type { AuditRecorder } from '../../common/audit';
import { ConflictError, ForbiddenError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { UsersApi } from '../auth/auth.api';
import { User } from '../auth/user.entity';
import type { MailApi } from '../mail/mail.api';
import type { OrganizationsApi } from '../organizations/organization.api';
import type { Organization } from '../organizations/organization.entity';
import type { MemberDepartures, MembersApi } from './member.api';
import type { RemoveMemberInput, UpdateMemberRoleInput } from './member.inputs';
import { Membership } from './membership.entity';
import { sqlRows } from '../../db/sql';

export interface MemberDeps {
  dataSource: DataSource;
  organizations: OrganizationsApi;
  users: UsersApi;
  audit: AuditRecorder;
  mail: MailApi;
  departures: MemberDepartures;
}

export class MemberService implements MembersApi {
  /** Public so a test can build a variant of the service on the same dependencies. */
  constructor(readonly deps: MemberDeps) {}

  async add(em: EntityManager, organizationId: string, userId: string, role: OrganizationRole): Promise<boolean> {
    const joined = await sqlRows<{ user_id: string }>(
      em,
      `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id`,
      [organizationId, userId, role],
    );
    return joined.length === 1;
  }

  async place(em: EntityManager, organizationId: string, userId: string, role: OrganizationRole): Promise<OrganizationRole | null> {
    const current = await em.findOne(Membership, { where: { organizationId, userId }, lock: { mode: 'pessimistic_write' } });
    if (!current) {
      await this.add(em, organizationId, userId, role);
      return null;
    }
    if (current.role !== role) await em.update(Membership, { organizationId, userId }, { role });
    return current.role;
  }

  /**
   * Locks the organization row for the rest of the transaction, so changes to its owners run
   * one at a time and the owner count read afterwards stays true until commit. Protected so a
   * test can prove, with a subclass that skips it, that the race tests catch a missing lock.
   */
  protected lockOrganization(em: EntityManager, organizationId: string): Promise<Organization> {
    return this.deps.organizations.lock(em, organizationId);
  }

  private locked(em: EntityManager, organizationId: string): Promise<Organization> {
    if (!isUuid(organizationId)) throw new NotFoundError();
    return this.lockOrganization(em, organizationId);
  }

  private async membership(em: EntityManager, organizationId: string, userId: string): Promise<Membership> {
    const membership = isUuid(userId) ? await em.findOneBy(Membership, { organizationId, userId }) : null;
    if (!membership) throw new NotFoundError();
    return membership;
  }

  /**
   * CONFLICT when `member` is the organization's last OWNER. Checked after the actor's
   * permission (CONTRACT.md: permission before rules), under the organization lock: when two
   * owners demote each other at once, the second is already an ADMIN when its turn comes and
   * is FORBIDDEN, as if the requests had come one after the other; an owner remains either way.
   */
  private async keepAnOwner(em: EntityManager, member: Membership): Promise<void> {
    if (member.role !== OrganizationRole.OWNER) return;
    const owners = await em.countBy(Membership, { organizationId: member.organizationId, role: OrganizationRole.OWNER });
    if (owners <= 1) throw new ConflictError('An organization keeps at least one owner.');
  }

  /** `scope`: the acting access token's (CONTRACT.md, Access tokens); null with a session. */
  async updateRole(actorId: string, input: UpdateMemberRoleInput, scope: TokenScope | null): Promise<Membership> {
    return this.deps.dataSource.transaction(async (em) => {
      await this.locked(em, input.organizationId);
      const actor = await this.membership(em, input.organizationId, actorId);
      const target = await this.membership(em, input.organizationId, input.userId);
      if (!canChangeMemberRole(actor.role, target.role, input.role, scope)) throw new ForbiddenError();
      if (input.role !== OrganizationRole.OWNER) await this.keepAnOwner(em, target);
      if (target.role === input.role) return target;
      const from = target.role;
      await em.update(Membership, { organizationId: target.organizationId, userId: target.userId }, { role: input.role });
      await this.deps.audit.record(em, {
        organizationId: target.organizationId,
        actorId,
        action: 'member.role_changed',
        targetType: 'User',
        targetId: target.userId,
        data: { from, to: input.role },
      });
      return Object.assign(target, { role: input.role });
    });
  }

  async remove(actorId: string, input: RemoveMemberInput, scope: TokenScope | null): Promise<void> {
    await this.deps.dataSource.transaction(async (em) => {
      const organization = await this.locked(em, input.organizationId);
      const actor = await this.membership(em, organization.id, actorId);
      const target = await this.membership(em, organization.id, input.userId);
      if (!canRemoveMember(actor.role, target.role, scope)) throw new ForbiddenError();
      await this.keepAnOwner(em, target);
      const user = await this.detach(em, target, actorId, 'member.removed');
      // The removed member is told too; the organization's mailbox heard it in detach().
      const payload = { to: [user.email], organization: { name: organization.name, moniker: organization.moniker } };
      await this.deps.mail.enqueue(em, { kind: 'member.removed_notice', payload }, organization.id);
    });
  }

  async leave(userId: string, organizationId: string): Promise<void> {
    await this.deps.dataSource.transaction(async (em) => {
      await this.locked(em, organizationId);
      const membership = await this.membership(em, organizationId, userId);
      await this.keepAnOwner(em, membership);
      await this.detach(em, membership, userId, 'member.left');
    });
  }

  /**
   * Ends a membership. Team memberships and direct project grants go with it by FK cascade (the
   * departure port remembers them first, for a reinstatement); the invitations the user sent
   * there are revoked; their active organization, if this one, is cleared.
   */
  private async detach(em: EntityManager, membership: Membership, actorId: string, action: 'member.removed' | 'member.left'): Promise<User> {
    const { organizationId, userId } = membership;
    const user = await em.findOneByOrFail(User, { id: userId });
    // Before the membership ends, while what it held (teams, grants) can still be read.
    await this.deps.departures.departing(em, organizationId, userId);
    await em.delete(Membership, { organizationId, userId });
    await this.deps.users.clearActiveOrganization(em, userId, organizationId);
    await this.deps.audit.record(em, { organizationId, actorId, action, targetType: 'User', targetId: userId, data: { role: membership.role } });
    await this.deps.mail.notifyOrganization(em, organizationId, { event: action, name: user.name, email: user.email });
    return user;
  }
}
