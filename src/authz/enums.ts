import { registerEnumType } from 'type-graphql';

export enum OrganizationRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
  ACCOUNTANT = 'ACCOUNTANT',
}
export enum TeamRole {
  TEAM_ADMIN = 'TEAM_ADMIN',
  TEAM_MEMBER = 'TEAM_MEMBER',
}

export enum OrganizationPermission {
  ORGANIZATION_VIEW = 'ORGANIZATION_VIEW',
  ORGANIZATION_SETTINGS_MANAGE = 'ORGANIZATION_SETTINGS_MANAGE',
  ORGANIZATION_DELETE = 'ORGANIZATION_DELETE',
  BILLING_MANAGE = 'BILLING_MANAGE',
  MEMBERS_INVITE = 'MEMBERS_INVITE',
  MEMBERS_MANAGE = 'MEMBERS_MANAGE',
  OWNERS_MANAGE = 'OWNERS_MANAGE',
  TEAMS_MANAGE = 'TEAMS_MANAGE',
  PROJECTS_CREATE = 'PROJECTS_CREATE',
  ROLES_MANAGE = 'ROLES_MANAGE',
  AUDIT_LOG_VIEW = 'AUDIT_LOG_VIEW',
  WEBHOOKS_MANAGE = 'WEBHOOKS_MANAGE',
}

export enum ProjectPermission {
  PROJECT_VIEW = 'PROJECT_VIEW',
  DATASOURCE_CONNECT = 'DATASOURCE_CONNECT',
  CONTENT_MANAGE = 'CONTENT_MANAGE',
  DATASOURCE_EDIT = 'DATASOURCE_EDIT',
  DATABASE_MASK = 'DATABASE_MASK',
  DEPLOYMENT_CREATE = 'DEPLOYMENT_CREATE',
  PROJECT_SETTINGS_MANAGE = 'PROJECT_SETTINGS_MANAGE',
  PROJECT_ACCESS_MANAGE = 'PROJECT_ACCESS_MANAGE',
  PROJECT_DELETE = 'PROJECT_DELETE',
}

registerEnumType(TeamRole, {
  name: 'TeamRole',
  description: "A member's role in one team.",
  valuesConfig: {
    TEAM_ADMIN: { description: 'Manages this team: renames it, adds organization members to it, changes their team role, removes them.' },
    TEAM_MEMBER: { description: 'Belongs to the team (and so holds its project grants); no team management.' },
  },
});
// OrganizationRole, OrganizationPermission and ProjectPermission are registered with their
// descriptions, drawn from the policy table, in permission-docs.ts.
