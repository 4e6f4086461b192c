import { randomBytes } from 'node:crypto';
import type { Backend } from '../app/backend';
import { OrganizationRole, ProjectPermission as P, TeamRole } from '../authz/enums';
import { BUILT_IN_ROLES } from '../authz/policy-table';
import { BadUserInputError, ConflictError } from '../common/errors';
import { PASSWORD_MAX, PASSWORD_MIN } from '../graphql/fields';
import { Region } from '../modules/organizations/organization.entity';

/** The demo organization's moniker: one demo per installation. */
export const DEMO_MONIKER = 'demo';
const DOMAIN = 'demo.example.com';
const [VIEW, USE, OWNER] = BUILT_IN_ROLES.map((r) => r.id);

const PEOPLE: Array<[name: string, role: OrganizationRole]> = [
  ['Ada Lovelace', OrganizationRole.OWNER],
  ['Grace Hopper', OrganizationRole.ADMIN],
  ['Alan Turing', OrganizationRole.ADMIN],
  ['Katherine Johnson', OrganizationRole.MEMBER],
  ['Edsger Dijkstra', OrganizationRole.MEMBER],
  ['Barbara Liskov', OrganizationRole.MEMBER],
  ['Donald Knuth', OrganizationRole.MEMBER],
  ['Margaret Hamilton', OrganizationRole.MEMBER],
  ['Linus Torvalds', OrganizationRole.MEMBER],
  ['Radia Perlman', OrganizationRole.MEMBER],
  ['Ken Thompson', OrganizationRole.MEMBER],
  ['Frances Allen', OrganizationRole.ACCOUNTANT],
];

const emailOf = (name: string) => `${name.split(' ')[0].toLowerCase()}@${DOMAIN}`;

/** Teams: their TEAM_ADMIN first, then their members. */
const TEAMS: Array<[name: string, description: string, people: string[]]> = [
  ['Platform', 'APIs, infrastructure and the release train.', ['Grace Hopper', 'Edsger Dijkstra', 'Linus Torvalds', 'Ken Thompson']],
  ['Design', 'Product design and the website.', ['Barbara Liskov', 'Katherine Johnson', 'Margaret Hamilton']],
  ['Data', 'Analytics and the warehouse.', ['Alan Turing', 'Radia Perlman', 'Donald Knuth']],
];

const CUSTOM_ROLES: Array<[name: string, description: string, permissions: P[]]> = [
  ['Analyst', 'Reads data, masks what it must.', [P.PROJECT_VIEW, P.DATASOURCE_CONNECT, P.DATABASE_MASK]],
  ['Release manager', 'Ships deployments and their notes.', [P.PROJECT_VIEW, P.CONTENT_MANAGE, P.DEPLOYMENT_CREATE]],
];

/** Projects and their grants: to a team (by name) or a person, of a built-in role id or a custom role (by name). */
const PROJECTS: Array<[name: string, description: string, grants: Array<{ team?: string; person?: string; role: string }>]> = [
  [
    'Website',
    'The public website.',
    [
      { team: 'Design', role: USE },
      { person: 'Katherine Johnson', role: OWNER },
    ],
  ],
  [
    'Billing service',
    'Invoices, plans and payments.',
    [
      { team: 'Platform', role: USE },
      { team: 'Data', role: 'Analyst' },
      { person: 'Frances Allen', role: VIEW },
    ],
  ],
  [
    'Data warehouse',
    'Every event, queryable.',
    [
      { team: 'Data', role: USE },
      { person: 'Linus Torvalds', role: 'Release manager' },
    ],
  ],
];

const INVITATIONS: Array<{ email: string; name: string; role: OrganizationRole; team?: string; grant?: { project: string; role: string } }> = [
  { email: `hedy@${DOMAIN}`, name: 'Hedy Lamarr', role: OrganizationRole.ADMIN },
  { email: `tim@${DOMAIN}`, name: 'Tim Berners-Lee', role: OrganizationRole.MEMBER, team: 'Platform' },
  { email: `annie@${DOMAIN}`, name: 'Annie Easley', role: OrganizationRole.MEMBER, team: 'Data', grant: { project: 'Data warehouse', role: 'Analyst' } },
];

/**
 * Creates the demo organization through the services, as its owner would through the API (so
 * its audit log tells the story), and returns how to sign in. Refuses when it exists already.
 */
export async function createDemo({ config, database, services }: Backend, password = randomBytes(12).toString('base64url')): Promise<string> {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
    throw new BadUserInputError([{ field: 'password', message: `Must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.` }]);
  const ids = new Map<string, string>();
  let organizationId: string;
  try {
    organizationId = await database.dataSource.transaction(async (em) => {
      for (const [name] of PEOPLE) ids.set(name, (await services.auth.createUser(em, emailOf(name), name, password, true)).id);
      const owner = ids.get(PEOPLE[0][0])!;
      const organization = await services.organizations.create(em, owner, { name: 'Demo Corp', moniker: DEMO_MONIKER, region: Region.EU1 });
      for (const [name, role] of PEOPLE.slice(1)) {
        await services.members.add(em, organization.id, ids.get(name)!, role);
        await services.auth.setActiveOrganization(em, ids.get(name)!, organization.id, true);
      }
      return organization.id;
    });
  } catch (error) {
    if (error instanceof ConflictError)
      throw new ConflictError(
        `the demo exists already (organization "${DEMO_MONIKER}", accounts @${DOMAIN}): sign in with the password printed when it was made, or start from an empty database.`,
      );
    throw error;
  }
  const actor = ids.get(PEOPLE[0][0])!;
  const teams = new Map<string, string>();
  for (const [name, description, people] of TEAMS) {
    const team = await services.teams.create(actor, { organizationId, name, description });
    teams.set(name, team.id);
    for (const [i, person] of people.entries()) {
      await services.teams.addMember(actor, { teamId: team.id, userId: ids.get(person)!, role: i === 0 ? TeamRole.TEAM_ADMIN : TeamRole.TEAM_MEMBER });
    }
  }
  const roles = new Map<string, string>();
  for (const [name, description, permissions] of CUSTOM_ROLES)
    roles.set(name, (await services.roles.create(actor, { organizationId, name, description, permissions })).id);
  const roleId = (role: string) => roles.get(role) ?? role;
  const projects = new Map<string, string>();
  for (const [name, description, grants] of PROJECTS) {
    const project = await services.projects.create(actor, { organizationId, name, description });
    projects.set(name, project.id);
    for (const grant of grants) {
      // The command line acts as the owner, with no access token (scope null).
      await services.projects.grant(
        actor,
        {
          projectId: project.id,
          roleId: roleId(grant.role),
          teamId: grant.team ? teams.get(grant.team) : null,
          userId: grant.person ? ids.get(grant.person) : null,
        },
        null,
      );
    }
  }
  for (const invitation of INVITATIONS) {
    await services.invitations.invite(
      actor,
      {
        organizationId,
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        teamIds: invitation.team ? [teams.get(invitation.team)!] : null,
        projectGrants: invitation.grant ? [{ projectId: projects.get(invitation.grant.project)!, roleId: roleId(invitation.grant.role) }] : null,
        note: 'Welcome to the Orgraph demo!',
      },
      null,
    );
  }
  const accounts = PEOPLE.map(([name, role]) => `  ${emailOf(name).padEnd(30)} ${role}`);
  return [
    `Demo organization "Demo Corp" (moniker ${DEMO_MONIKER}) created: ${PEOPLE.length} members, ${TEAMS.length + 1} teams, ${PROJECTS.length} projects, ${CUSTOM_ROLES.length} custom roles, ${INVITATIONS.length} pending invitations.`,
    `Every demo account's password: ${password}`,
    'Accounts:',
    ...accounts,
    `Sign in: start the server (npm start), open ${config.publicUrl}/graphql and run`,
    `  mutation { login(input: { email: "${emailOf(PEOPLE[0][0])}", password: "${password}" }) { token } }`,
    'then send the token as the header  Authorization: Bearer <token>.',
  ].join('\n');
}
