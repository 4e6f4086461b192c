import type { DataSource, EntityManager } from 'typeorm';
import type { AuditRecorder } from '../../common/audit';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/errors';
import { normalizeEmail, optionalText, trimmed } from '../../common/text';
import type { AttemptBudgets } from '../../db/attempt-limiter';
import type { MailApi } from '../mail/mail.api';
import { monikerCandidates } from './moniker';
import type { MailboxConfirmations, NewOrganization, OrganizationFounding, OrganizationsApi } from './organization.api';
import { Organization, Plan } from './organization.entity';
import type { ChangePlanInput, DeleteOrganizationInput, UpdateOrganizationInput } from './organization.inputs';
import { sqlChange, sqlRows } from '../../db/sql';

export interface OrganizationDeps {
  dataSource: DataSource;
  budgets: AttemptBudgets;
  audit: AuditRecorder;
  mail: MailApi;
  founding: OrganizationFounding;
  mailboxes: MailboxConfirmations;
}

export class OrganizationService implements OrganizationsApi {
  constructor(private readonly deps: OrganizationDeps) {}

  /**
   * Claims `moniker` for the organization in one statement: a new moniker, or one the
   * organization held before. False when another organization holds it (now or formerly).
   */
  private async claimMoniker(em: EntityManager, organizationId: string, moniker: string): Promise<boolean> {
    const rows = await sqlRows<{ moniker: string }>(
      em,
      `INSERT INTO organization_monikers (moniker, organization_id) VALUES ($1, $2)
       ON CONFLICT (moniker) DO UPDATE SET organization_id = EXCLUDED.organization_id
       WHERE organization_monikers.organization_id = EXCLUDED.organization_id
       RETURNING moniker`,
      [moniker, organizationId],
    );
    return rows.length === 1;
  }

  /** Creates an organization inside `em`: the founder is OWNER and TEAM_ADMIN of the default team, and it becomes active. */
  async create(em: EntityManager, founderId: string, input: NewOrganization): Promise<Organization> {
    const organization = await em.save(
      em.create(Organization, {
        name: trimmed(input.name),
        description: optionalText(input.description) ?? null,
        moniker: input.moniker ?? '',
        region: input.region,
        country: input.country ? input.country.toUpperCase() : null,
        plan: Plan.FREE,
        notificationEmail: null,
        notificationEmailVerifiedAt: null,
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
    await this.deps.founding.founded(em, organization.id, founderId);
    await this.deps.audit.record(em, {
      organizationId: organization.id,
      actorId: founderId,
      action: 'organization.created',
      targetType: 'Organization',
      targetId: organization.id,
      data: { name: organization.name, moniker: organization.moniker, region: organization.region },
    });
    return organization;
  }

  /** createOrganization: spends the founder's budget first (register's first organization does not). */
  async createFor(founderId: string, input: NewOrganization): Promise<Organization> {
    await this.deps.budgets.spend(['createOrganizationPerUser', founderId]);
    return this.deps.dataSource.transaction((em) => this.create(em, founderId, input));
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

  async confirmMailbox(em: EntityManager, organizationId: string, email: string): Promise<boolean> {
    const { affected } = await sqlChange(
      em,
      `UPDATE organizations SET notification_email_verified_at = coalesce(notification_email_verified_at, now()) WHERE id = $1 AND notification_email = $2`,
      [organizationId, email],
    );
    return affected > 0;
  }

  async update(actorId: string, input: UpdateOrganizationInput): Promise<Organization> {
    return this.deps.dataSource.transaction(async (em) => {
      const organization = await this.lock(em, input.organizationId);
      const before = { ...organization };
      if (input.name != null) organization.name = trimmed(input.name);
      if (input.description !== undefined) organization.description = optionalText(input.description) ?? null;
      if (input.notificationEmail !== undefined) organization.notificationEmail = input.notificationEmail ? normalizeEmail(input.notificationEmail) : null;
      // A new mailbox gets mail only once it confirms its link; naming an unconfirmed one again sends a new link.
      const mailboxChanged = before.notificationEmail !== organization.notificationEmail;
      if (mailboxChanged) organization.notificationEmailVerifiedAt = null;
      const confirmMailbox = organization.notificationEmail !== null && organization.notificationEmailVerifiedAt === null && input.notificationEmail != null;
      if (input.country !== undefined) organization.country = input.country ? input.country.toUpperCase() : null;
      if (input.moniker != null && input.moniker !== organization.moniker) {
        if (!(await this.claimMoniker(em, organization.id, input.moniker))) throw new ConflictError('This moniker is taken.');
        organization.moniker = input.moniker;
      }
      await em.save(organization);
      if (confirmMailbox) await this.deps.mailboxes.requested(em, organization.id, organization.notificationEmail!);
      const changed = (['name', 'description', 'notificationEmail', 'country'] as const).filter((k) => before[k] !== organization[k]);
      if (changed.length > 0) {
        await this.deps.audit.record(em, {
          organizationId: organization.id,
          actorId,
          action: 'organization.settings_changed',
          targetType: 'Organization',
          targetId: organization.id,
          data: { changed },
        });
      }
      if (before.moniker !== organization.moniker) {
        const change = { from: before.moniker, to: organization.moniker };
        await this.deps.audit.record(em, {
          organizationId: organization.id,
          actorId,
          action: 'organization.moniker_changed',
          targetType: 'Organization',
          targetId: organization.id,
          data: change,
        });
        await this.deps.mail.notifyOrganization(em, organization.id, { event: 'organization.moniker_changed', ...change });
      }
      return organization;
    });
  }

  async changePlan(actorId: string, input: ChangePlanInput): Promise<Organization> {
    return this.deps.dataSource.transaction(async (em) => {
      const organization = await this.lock(em, input.organizationId);
      const from = organization.plan;
      organization.plan = input.plan;
      await em.save(organization);
      await this.deps.audit.record(em, {
        organizationId: organization.id,
        actorId,
        action: 'organization.plan_changed',
        targetType: 'Organization',
        targetId: organization.id,
        data: { from, to: input.plan },
      });
      return organization;
    });
  }

  /** Removes the organization and, by cascade, everything it holds, monikers included. */
  async delete(input: DeleteOrganizationInput): Promise<void> {
    await this.deps.dataSource.transaction(async (em) => {
      const organization = await this.lock(em, input.organizationId);
      if (input.confirmMoniker !== organization.moniker) {
        throw BadUserInputError.field('confirmMoniker', 'Type the current moniker to confirm.');
      }
      await this.deps.mail.notifyOrganization(em, organization.id, { event: 'organization.deleted' });
      await em.delete(Organization, organization.id);
    });
  }
}
