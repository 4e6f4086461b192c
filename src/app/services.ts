import type { DataSource } from 'typeorm';
import { OrganizationRole } from '../authz/enums';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import { AttemptBudgets } from '../db/attempt-limiter';
import type { Services } from '../graphql/context';
import { createContext } from './context';
import { createLoaders } from './loaders';
import { accessTokensModule } from '../modules/access-tokens/access-token.module';
import { adminModule } from '../modules/admin/admin.module';
import { auditModule } from '../modules/audit/audit.module';
import { eventsModule } from '../modules/events/events.module';
import { webhooksModule } from '../modules/webhooks/webhook.module';
import type { WebhookRetryPolicy } from '../modules/webhooks/webhook.service';
import { authModule } from '../modules/auth/auth.module';
import { invitationsModule } from '../modules/invitations/invitation.module';
import { mailModule } from '../modules/mail/mail.module';
import { membersModule } from '../modules/members/member.module';
import { organizationsModule } from '../modules/organizations/organization.module';
import { projectsModule } from '../modules/projects/project.module';
import { reinstatementModule } from '../modules/reinstatement/reinstatement.module';
import { rolesModule } from '../modules/roles/role.module';
import { teamsModule } from '../modules/teams/team.module';

export interface ServiceDeps {
  dataSource: DataSource;
  config: Config;
  logger: Logger;
  /** Webhook retries (tests retry fast). */
  webhookRetry?: WebhookRetryPolicy;
}

/**
 * Every domain service, built once per process, bottom to top; each gets the services below
 * it. The two hooks a lower module calls into higher ones (founding an organization, a member
 * leaving) are wired here, the only place that knows both sides.
 */
export function createServices({ dataSource, config, logger, webhookRetry }: ServiceDeps): Services {
  const budgets = new AttemptBudgets(dataSource, config.rateLimits);
  const mail = mailModule.service();
  // Every event becomes its webhook deliveries in its own transaction.
  const audit = auditModule.service({ followers: { recorded: (em, event) => webhooks.enqueueForEvent(em, event) } });
  const organizations = organizationsModule.service({
    dataSource,
    budgets,
    audit,
    mail,
    founding: {
      async founded(em, organizationId, founderId) {
        await members.add(em, organizationId, founderId, OrganizationRole.OWNER);
        await teams.createDefault(em, organizationId, founderId);
        await auth.setActiveOrganization(em, founderId, organizationId);
      },
    },
  });
  const auth = authModule.service({ dataSource, config, budgets, organizations });
  const members = membersModule.service({
    dataSource,
    organizations,
    users: auth,
    audit,
    mail,
    departures: {
      async departing(em, organizationId, userId) {
        await invitations.revokeSentBy(em, organizationId, userId);
        await reinstatement.remember(em, organizationId, userId);
      },
    },
  });
  const teams = teamsModule.service({ dataSource, organizations, audit });
  const roles = rolesModule.service({ dataSource, audit });
  const projects = projectsModule.service({ dataSource, audit });
  const reinstatement = reinstatementModule.service({ dataSource, teams, projects, audit });
  const invitations = invitationsModule.service({
    dataSource,
    config,
    logger,
    budgets,
    users: auth,
    organizations,
    members,
    teams,
    projects,
    reinstatement,
    audit,
    mail,
  });
  const admin = adminModule.service({ dataSource, users: auth, organizations, members, audit });
  const accessTokens = accessTokensModule.service({ dataSource, audit });
  const webhooks = webhooksModule.service({ dataSource, config, audit, mail, logger, retry: webhookRetry });
  const events = eventsModule.service({
    dataSource,
    logger,
    // One event's subscribers share one set of loaders: their memberships load in one batch.
    eventContexts: () => {
      const loaders = createLoaders(dataSource.manager);
      return (facts) => createContext(dataSource, services, facts, loaders);
    },
  });
  const services: Services = {
    mail,
    audit,
    organizations,
    auth,
    members,
    teams,
    roles,
    projects,
    reinstatement,
    invitations,
    admin,
    accessTokens,
    webhooks,
    events,
  };
  return services;
}
