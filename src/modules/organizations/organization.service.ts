import { DataSource, EntityManager } from 'typeorm';
import { OrganizationRole, TeamRole } from '../../authz/enums';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import type { AttemptBudgets } from '../../graphql/rate-limit';
import { normalizeEmail, optionalText, trimmed } from '../../graphql/validators';
import { recordAudit } from '../audit/audit.service';
import { User } from '../auth/user.entity';
import { notifyOrganization } from '../mail/notifications';
import { Membership } from '../members/membership.entity';
import { TeamMember } from '../teams/team-member.entity';
import { Team } from '../teams/team.entity';
import { monikerCandidates } from './moniker';
import { Organization, Plan, Region } from './organization.entity';
import type { ChangePlanInput, DeleteOrganizationInput, UpdateOrganizationInput } from './organization.inputs';

export const DEFAULT_TEAM_NAME = 'My team';

export interface NewOrganization {
  name: string;
  moniker?: string | null;
  description?: string | null;
  region: Region;
  country?: string | null;
}

export class OrganizationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly budgets: AttemptBudgets,
  ) {}

  /**
   * Claims `moniker` for the organization in one statement: a new moniker, or one the
   * organization held before. False when another organization holds it (now or formerly).
   */
  private async claimMoniker(em: EntityManager, organizationId: string, moniker: string): Promise<boolean> {
    const rows = await em.query(
      `INSERT INTO organization_monikers (moniker, organization_id) VALUES ($1, $2)
       ON CONFLICT (moniker) DO UPDATE SET organization_id = EXCLUDED.organization_id
       WHERE organization_monikers.organization_id = EXCLUDED.organization_id
       RETURNING moniker`,
      [moniker, organizationId],
    );
    return rows.length === 1;
  }

  /** Creates an organization inside `em`: the creator is OWNER and TEAM_ADMIN of the default team, and it becomes active. */
  async create(em: EntityManager, creator: User, input: NewOrganization): Promise<Organization> {
    const organization = await em.save(
      em.create(Organization, {
        name: trimmed(input.name),
        description: optionalText(input.description) ?? null,
        moniker: input.moniker ?? '',
        region: input.region,
        country: input.country ? input.country.toUpperCase() : null,
        plan: Plan.FREE,
        notificationEmail: null,
      }),
    );
    if (input.moniker) {
      if (!(await this.claimMoniker(em, organization.id, input.moniker))) throw new ConflictError('This moniker is taken.');
    } else {
      for (const candidate of monikerCandidates(organization.name)) {
        if (await this.claimMoniker(em, organization.id, candidate)) {
          organization.moniker = candidate;
          break;
        }
      }
      await em.update(Organization, organization.id, { moniker: organization.moniker });
    }
    await em.insert(Membership, { organizationId: organization.id, userId: creator.id, role: OrganizationRole.OWNER });
    const team = await em.save(em.create(Team, { organizationId: organization.id, name: DEFAULT_TEAM_NAME, isDefault: true, description: null }));
    await em.insert(TeamMember, { teamId: team.id, organizationId: organization.id, userId: creator.id, role: TeamRole.TEAM_ADMIN });
    await em.update(User, creator.id, { activeOrganizationId: organization.id });
    await recordAudit(em, {
      organizationId: organization.id, actorId: creator.id, action: 'organization.created', targetType: 'Organization', targetId: organization.id,
      data: { name: organization.name, moniker: organization.moniker, region: organization.region },
    });
    return organization;
  }

  /** createOrganization: spends the creator's budget first (register's first organization does not). */
  async createFor(creator: User, input: NewOrganization): Promise<Organization> {
    await this.budgets.spend(['createOrganizationPerUser', creator.id]);
    return this.dataSource.transaction((em) => this.create(em, creator, input));
  }

  /**
   * The organization row, locked for the rest of the transaction against every other lock()
   * (FOR NO KEY UPDATE). Rows that merely reference the organization (audit events, grants)
   * take a key-share lock, which this does not block: holding it while another transaction
   * waits on our rows would otherwise deadlock.
   */
  async lock(em: EntityManager, organizationId: string): Promise<Organization> {
    const organization = await em.findOne(Organization, { where: { id: organizationId }, lock: { mode: 'for_no_key_update' } });
    if (!organization) throw new NotFoundError();
    return organization;
  }

  async update(actorId: string, input: UpdateOrganizationInput): Promise<Organization> {
    return this.dataSource.transaction(async (em) => {
      const organization = await this.lock(em, input.organizationId);
      const before = { ...organization };
      if (input.name != null) organization.name = trimmed(input.name);
      if (input.description !== undefined) organization.description = optionalText(input.description) ?? null;
      if (input.notificationEmail !== undefined) organization.notificationEmail = input.notificationEmail ? normalizeEmail(input.notificationEmail) : null;
      if (input.country !== undefined) organization.country = input.country ? input.country.toUpperCase() : null;
      if (input.moniker != null && input.moniker !== organization.moniker) {
        if (!(await this.claimMoniker(em, organization.id, input.moniker))) throw new ConflictError('This moniker is taken.');
        organization.moniker = input.moniker;
      }
      await em.save(organization);
      const changed = (['name', 'description', 'notificationEmail', 'country'] as const).filter((k) => before[k] !== organization[k]);
      if (changed.length > 0) {
        await recordAudit(em, {
          organizationId: organization.id, actorId, action: 'organization.settings_changed', targetType: 'Organization', targetId: organization.id,
          data: { changed },
        });
      }
      if (before.moniker !== organization.moniker) {
        const change = { from: before.moniker, to: organization.moniker };
        await recordAudit(em, { organizationId: organization.id, actorId, action: 'organization.moniker_changed', targetType: 'Organization', targetId: organization.id, data: change });
        await notifyOrganization(em, organization.id, { event: 'organization.moniker_changed', ...change });
      }
      return organization;
    });
  }

  async changePlan(actorId: string, input: ChangePlanInput): Promise<Organization> {
    return this.dataSource.transaction(async (em) => {
      const organization = await this.lock(em, input.organizationId);
      const from = organization.plan;
      organization.plan = input.plan;
      await em.save(organization);
      await recordAudit(em, {
        organizationId: organization.id, actorId, action: 'organization.plan_changed', targetType: 'Organization', targetId: organization.id,
        data: { from, to: input.plan },
      });
      return organization;
    });
  }

  /** Removes the organization and, by cascade, everything it holds, monikers included. */
  async delete(input: DeleteOrganizationInput): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const organization = await this.lock(em, input.organizationId);
      if (input.confirmMoniker !== organization.moniker) {
        throw BadUserInputError.field('confirmMoniker', 'Type the current moniker to confirm.');
      }
      await notifyOrganization(em, organization.id, { event: 'organization.deleted' });
      await em.delete(Organization, organization.id);
    });
  }

  /** Only to an organization the user belongs to, checked in the same statement. */
  async switchActive(userId: string, organizationId: string): Promise<void> {
    const [, updated] = await this.dataSource.query(
      `UPDATE users SET active_organization_id = $2 WHERE id = $1
          AND EXISTS (SELECT 1 FROM memberships WHERE organization_id = $2 AND user_id = $1)`,
      [userId, organizationId],
    );
    if (updated === 0) throw new NotFoundError();
  }
}
