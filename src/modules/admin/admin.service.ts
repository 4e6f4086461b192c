import type { DataSource } from 'typeorm';
import { OrganizationRole } from '../../authz/enums';
import type { AuditRecorder } from '../../common/audit';
import { ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { PageRequest } from '../../common/paging';
import { containsPattern, searchTerm } from '../../common/text';
import { pagesPerParent, type Page } from '../../db/batched-pages';
import type { UsersApi } from '../auth/auth.api';
import { User } from '../auth/user.entity';
import type { MembersApi } from '../members/member.api';
import { Membership } from '../members/membership.entity';
import type { OrganizationsApi } from '../organizations/organization.api';
import { Organization } from '../organizations/organization.entity';
import type { InstanceOrganization, InstanceUser } from './admin.types';

export interface AdminDeps {
  dataSource: DataSource;
  users: UsersApi;
  organizations: OrganizationsApi;
  members: MembersApi;
  audit: AuditRecorder;
}

/** Who acts: an instance administrator (their user id), or the command line (null: no user). */
export type InstanceActor = string | null;

/** The installation as the one parent of its lists of organizations and accounts. */
const INSTANCE = '00000000-0000-4000-8000-000000000000';

export const instanceUser = (user: User): InstanceUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  disabled: user.disabledAt !== null,
  isInstanceAdmin: user.isInstanceAdmin,
  createdAt: user.createdAt,
});

const instanceOrganization = (o: Organization): InstanceOrganization => ({
  id: o.id,
  moniker: o.moniker,
  name: o.name,
  plan: o.plan,
  region: o.region,
  createdAt: o.createdAt,
});

/**
 * Instance administration: lists of every organization and account, and the few actions an
 * administrator takes across organizations. Each action is audited in the organizations it
 * touches, with the administrator as actor. The tables are written by their owners' apis.
 */
export class AdminService {
  constructor(private readonly deps: AdminDeps) {}

  /** Every organization, newest first; `search` matches name or moniker, case-insensitively, as a substring. */
  organizations(search: string | null, request: PageRequest): Promise<Page<InstanceOrganization>> {
    return this.page('organizations', ['name', 'moniker'], search, request, (r) =>
      instanceOrganization(
        Object.assign(new Organization(), { id: r.id, moniker: r.moniker, name: r.name, plan: r.plan, region: r.region, createdAt: r.created_at }),
      ),
    );
  }

  /** Every account, newest first; `search` matches name or email, case-insensitively, as a substring. */
  users(search: string | null, request: PageRequest): Promise<Page<InstanceUser>> {
    return this.page('users', ['name', 'email'], search, request, (r) =>
      instanceUser(
        Object.assign(new User(), {
          id: r.id,
          email: r.email,
          name: r.name,
          disabledAt: r.disabled_at,
          isInstanceAdmin: r.is_instance_admin,
          createdAt: r.created_at,
        }),
      ),
    );
  }

  /** A page of a whole table through the one paging path (pagesPerParent), the installation as its one parent. */
  private async page<T>(
    table: 'organizations' | 'users',
    searched: [string, string],
    search: string | null,
    request: PageRequest,
    toNode: (row: Record<string, unknown>) => T,
  ): Promise<Page<T>> {
    const term = searchTerm(search);
    const where = term ? `WHERE t.${searched[0]} ILIKE $2 ESCAPE '\\' OR t.${searched[1]} ILIKE $2 ESCAPE '\\'` : '';
    const [page] = await pagesPerParent(this.deps.dataSource.manager, [INSTANCE], request, {
      source: `SELECT '${INSTANCE}'::uuid AS parent_id, t.id AS tie_id, t.* FROM ${table} t ${where}`,
      params: term ? [containsPattern(term)] : [],
      toNode,
    });
    return page;
  }

  /**
   * Makes the user an OWNER of the organization (e.g. when its owners are gone): a member is
   * promoted, anyone else joins. Already an owner: nothing changes and nothing is audited.
   */
  async addOrganizationOwner(actorId: InstanceActor, organizationId: string, userId: string): Promise<Membership> {
    if (!isUuid(organizationId) || !isUuid(userId)) throw new NotFoundError();
    return this.deps.dataSource.transaction(async (em) => {
      // Serializes with every change to the organization's owners (see MemberService).
      await this.deps.organizations.lock(em, organizationId);
      if (!(await em.existsBy(User, { id: userId }))) throw new NotFoundError();
      const from = await this.deps.members.place(em, organizationId, userId, OrganizationRole.OWNER);
      if (from !== OrganizationRole.OWNER) {
        if (from === null) await this.deps.users.setActiveOrganization(em, userId, organizationId, true);
        await this.deps.audit.record(em, {
          organizationId,
          actorId,
          action: 'member.owner_added',
          targetType: 'User',
          targetId: userId,
          data: { from, by: 'instance_administrator' },
        });
      }
      return em.findOneByOrFail(Membership, { organizationId, userId });
    });
  }

  /**
   * Disables or enables an account. Disabling ends every session at once, and the account's
   * sessions, access tokens and logins are refused while it stays disabled. Neither your own
   * account nor another administrator's can be disabled (revoke their rights first). Audited
   * in each of the user's organizations; a change to nothing is not audited.
   */
  async setDisabled(actorId: InstanceActor, userId: string, disabled: boolean): Promise<InstanceUser> {
    if (!isUuid(userId)) throw new NotFoundError();
    return this.deps.dataSource.transaction(async (em) => {
      const user = await em.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError();
      if (disabled && user.id === actorId) throw new ConflictError('You cannot disable your own account.');
      if (disabled && user.isInstanceAdmin)
        throw new ConflictError('This account administers the instance: revoke that first (npm run cli -- admins revoke <email>).');
      if (await this.deps.users.setDisabled(em, user.id, disabled)) {
        const memberships = await em.find(Membership, { select: { organizationId: true }, where: { userId: user.id } });
        for (const { organizationId } of memberships) {
          await this.deps.audit.record(em, {
            organizationId,
            actorId,
            action: disabled ? 'user.disabled' : 'user.enabled',
            targetType: 'User',
            targetId: user.id,
            data: { by: actorId ? 'instance_administrator' : 'command_line' },
          });
        }
      }
      return instanceUser(await em.findOneByOrFail(User, { id: user.id }));
    });
  }

  /** The command line's way in: the account with this email, or NOT_FOUND. */
  async userByEmail(email: string): Promise<User> {
    const user = await this.deps.users.findByEmail(this.deps.dataSource.manager, email);
    if (!user) throw new NotFoundError();
    return user;
  }

  /** Grants or revokes instance administration (the command line only); false when nothing changed. */
  async setInstanceAdmin(email: string, isInstanceAdmin: boolean): Promise<boolean> {
    const user = await this.userByEmail(email);
    return this.deps.dataSource.transaction((em) => this.deps.users.setInstanceAdmin(em, user.id, isInstanceAdmin));
  }
}
