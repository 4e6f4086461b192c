import { registerEnumType } from 'type-graphql';
import { OrganizationPermission, OrganizationRole, ProjectPermission } from './enums';
import { BUILT_IN_ROLES, ORGANIZATION_ROLE_PERMISSIONS, PROJECT_SUPERUSER_ROLES } from './policy-table';

/** What each organization permission allows (CONTRACT.md, Organization roles). */
export const ORGANIZATION_PERMISSION_ALLOWS: Readonly<Record<OrganizationPermission, string>> = {
  ORGANIZATION_VIEW: "See the organization, its members' names and its teams.",
  ORGANIZATION_SETTINGS_MANAGE: 'Change the name, description, moniker, notification email and country.',
  ORGANIZATION_DELETE: 'Delete the organization and everything it holds.',
  BILLING_MANAGE: 'Change the plan.',
  MEMBERS_INVITE: 'Invite people, list, resend and revoke invitations.',
  MEMBERS_MANAGE: "Change the roles of non-owners, remove non-owners, see members' emails.",
  OWNERS_MANAGE: 'Make or unmake an OWNER, remove an OWNER, invite someone as OWNER.',
  TEAMS_MANAGE: 'Create, rename and delete every team, and manage its members.',
  PROJECTS_CREATE: 'Create projects (the creator is granted Owner on them).',
  ROLES_MANAGE: 'Create, change and delete custom project roles.',
  AUDIT_LOG_VIEW: 'Read the audit log.',
  WEBHOOKS_MANAGE: 'Create, change, rotate, ping and delete webhooks, and read their deliveries.',
};

/** What each project permission allows (CONTRACT.md, Projects and project roles). */
export const PROJECT_PERMISSION_ALLOWS: Readonly<Record<ProjectPermission, string>> = {
  PROJECT_VIEW: 'See the project and its content.',
  DATASOURCE_CONNECT: 'Connect to datasources and running containers.',
  CONTENT_MANAGE: "Create, change and delete the project's content.",
  DATASOURCE_EDIT: "Change the project's datasources.",
  DATABASE_MASK: "Mask data in the project's databases.",
  DEPLOYMENT_CREATE: 'Create deployments.',
  PROJECT_SETTINGS_MANAGE: "Change the project's options: name, description.",
  PROJECT_ACCESS_MANAGE: "Grant and revoke access to the project, read others' effective permissions.",
  PROJECT_DELETE: 'Delete the project.',
};

/** What each organization role is for, in a sentence; the permissions are listed from the table. */
export const ORGANIZATION_ROLE_PURPOSE: Readonly<Record<OrganizationRole, string>> = {
  OWNER: 'Owns the organization; there is always at least one.',
  ADMIN: 'Runs the organization, short of deleting it and managing owners.',
  MEMBER: 'Belongs to the organization; project access comes from grants to them or their teams.',
  ACCOUNTANT: 'Sees the organization and manages its billing.',
};

const rolesHolding = (permission: OrganizationPermission) =>
  Object.values(OrganizationRole).filter((role) => ORGANIZATION_ROLE_PERMISSIONS[role].has(permission));

const builtInRolesWith = (permission: ProjectPermission) =>
  BUILT_IN_ROLES.filter((role) => (role.permissions as readonly ProjectPermission[]).includes(permission)).map((role) => role.name);

/** An organization role's description: its purpose and exactly what the policy table gives it. */
export function organizationRoleDescription(role: OrganizationRole): string {
  const projects = PROJECT_SUPERUSER_ROLES.has(role) ? ' Every ProjectPermission on every project of the organization.' : '';
  return `${ORGANIZATION_ROLE_PURPOSE[role]} Holds ${[...ORGANIZATION_ROLE_PERMISSIONS[role]].join(', ')}.${projects}`;
}

registerEnumType(OrganizationRole, {
  name: 'OrganizationRole',
  description: "A member's role in an organization, which decides their OrganizationPermissions.",
  valuesConfig: Object.fromEntries(Object.values(OrganizationRole).map((role) => [role, { description: organizationRoleDescription(role) }])),
});

registerEnumType(OrganizationPermission, {
  name: 'OrganizationPermission',
  description: 'Something a member may do in an organization; their organization role decides which (see OrganizationRole).',
  valuesConfig: Object.fromEntries(
    Object.values(OrganizationPermission).map((p) => [p, { description: `${ORGANIZATION_PERMISSION_ALLOWS[p]} Held by ${rolesHolding(p).join(', ')}.` }]),
  ),
});

registerEnumType(ProjectPermission, {
  name: 'ProjectPermission',
  description: 'Something a user may do on a project, through the roles granted to them or their teams (OWNER and ADMIN of the organization hold all).',
  valuesConfig: Object.fromEntries(
    Object.values(ProjectPermission).map((p) => [
      p,
      { description: `${PROJECT_PERMISSION_ALLOWS[p]} In the built-in roles ${builtInRolesWith(p).join(', ')}.` },
    ]),
  ),
});
