import { OrganizationPermission as O, OrganizationRole, ProjectPermission as P } from './enums';

/** The one table of who holds what in an organization (CONTRACT.md, Organization roles). */
export const ORGANIZATION_ROLE_PERMISSIONS: Readonly<Record<OrganizationRole, ReadonlySet<O>>> = {
  OWNER: new Set(Object.values(O)),
  ADMIN: new Set([
    O.ORGANIZATION_VIEW,
    O.ORGANIZATION_SETTINGS_MANAGE,
    O.BILLING_MANAGE,
    O.MEMBERS_INVITE,
    O.MEMBERS_MANAGE,
    O.TEAMS_MANAGE,
    O.PROJECTS_CREATE,
    O.ROLES_MANAGE,
    O.AUDIT_LOG_VIEW,
    O.WEBHOOKS_MANAGE,
  ]),
  MEMBER: new Set([O.ORGANIZATION_VIEW]),
  ACCOUNTANT: new Set([O.ORGANIZATION_VIEW, O.BILLING_MANAGE]),
};

/** Organization roles that hold every project permission on every project of their organization. */
export const PROJECT_SUPERUSER_ROLES: ReadonlySet<OrganizationRole> = new Set([OrganizationRole.OWNER, OrganizationRole.ADMIN]);

const VIEW = [P.PROJECT_VIEW, P.DATASOURCE_CONNECT];
const USE = [...VIEW, P.CONTENT_MANAGE, P.DATASOURCE_EDIT, P.DATABASE_MASK, P.DEPLOYMENT_CREATE];
const OWNER = [...USE, P.PROJECT_SETTINGS_MANAGE, P.PROJECT_ACCESS_MANAGE, P.PROJECT_DELETE];

/** The built-in project roles, shared by every organization; their ids are fixed by the first migration. */
export const BUILT_IN_ROLES = [
  { id: '00000000-0000-4000-8000-000000000001', name: 'View', description: 'See the project and connect to its datasources.', permissions: VIEW },
  { id: '00000000-0000-4000-8000-000000000002', name: 'Use', description: "Work with the project's content, datasources and deployments.", permissions: USE },
  { id: '00000000-0000-4000-8000-000000000003', name: 'Owner', description: 'Everything, including settings, access and deletion.', permissions: OWNER },
] as const;

export const OWNER_ROLE_ID = BUILT_IN_ROLES[2].id;

const BUILT_IN_ROLE_IDS: ReadonlySet<string> = new Set(BUILT_IN_ROLES.map((r) => r.id));
export const isBuiltInRoleId = (id: unknown): boolean => typeof id === 'string' && BUILT_IN_ROLE_IDS.has(id.toLowerCase());

/** Every permission in catalog order, so lists come out stable. */
export const ALL_ORGANIZATION_PERMISSIONS = Object.values(O);
export const ALL_PROJECT_PERMISSIONS = Object.values(P);
