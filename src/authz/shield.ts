import type { GraphQLSchema } from 'graphql';
import type { IMiddleware } from 'graphql-middleware';
import { allow, and, deny, shield } from 'graphql-shield';
import type { IRuleFieldMap, IRuleTypeMap, ShieldRule } from 'graphql-shield/typings/types';
import { ForbiddenError } from '../common/errors';
import { OrganizationPermission as O, ProjectPermission as P } from './enums';
import {
  argumentOrganizationPermission,
  inputAccessTokenPermissionsHeld,
  requiresSession,
  builtInRolesAreFixed,
  inputOrganizationPermission,
  inputProjectPermission,
  inputTeamManagement,
  isAuthenticated,
  isInstanceAdministrator,
  parentOrganizationPermission,
  parentProjectPermission,
  parentRowOrganizationPermission,
} from './rules';

/**
 * What an access token may never do (CONTRACT.md, Access tokens): each needs a signed-in
 * session, and is FORBIDDEN with a token. The one list: every entry whose field has its own
 * rule in the tree below gets requiresSession in front of that rule, so an operation listed
 * before it exists (the account operations) is covered the day it gets its rule. `when`
 * limits an entry to some arguments.
 */
export const SESSION_ONLY: ReadonlyArray<{ field: string; when?: (args: Record<string, unknown>) => boolean }> = [
  { field: 'Mutation.createAccessToken' },
  { field: 'Mutation.revokeAccessToken' },
  { field: 'User.accessTokens' },
  { field: 'Mutation.logout', when: (args) => (args.input as { allSessions?: unknown } | null | undefined)?.allSessions === true },
  { field: 'Mutation.createOrganization' },
  { field: 'Mutation.deleteOrganization' },
  { field: 'Mutation.leaveOrganization' },
  { field: 'Mutation.switchOrganization' },
  { field: 'Mutation.acceptInvitation' },
  // The account operations (CONTRACT.md, Accounts): give each its rule in the tree and it is session-only.
  { field: 'Mutation.changePassword' },
  { field: 'Mutation.changeEmail' },
  { field: 'Mutation.revokeSession' },
  { field: 'User.sessions' },
];

const isRule = (entry: ShieldRule | IRuleFieldMap | undefined): entry is ShieldRule => typeof (entry as { resolve?: unknown })?.resolve === 'function';

/** The tree with SESSION_ONLY applied: requiresSession, then the field's own rule. */
function withSessionOnly<T extends IRuleTypeMap>(tree: T): T {
  const result: IRuleTypeMap = { ...tree };
  for (const { field, when } of SESSION_ONLY) {
    const [typeName, fieldName] = field.split('.');
    const fields = result[typeName];
    if (fields === undefined || isRule(fields) || !isRule(fields[fieldName])) continue;
    result[typeName] = { ...fields, [fieldName]: and(requiresSession(field, when), fields[fieldName]) };
  }
  return result as T;
}

/**
 * The rule of every Query and Mutation field and of every type. Deny by default: a field
 * with no rule here is refused. Object types reachable only through guarded fields allow
 * their fields; the guards that matter sit on the roots and on sensitive fields.
 */
export const ruleTree = withSessionOnly({
  Query: {
    viewer: allow,
    organization: isAuthenticated,
    project: isAuthenticated,
    invitationPreview: allow,
    instance: isInstanceAdministrator,
  },
  Mutation: {
    register: allow,
    login: allow,
    logout: isAuthenticated,
    switchOrganization: inputOrganizationPermission(O.ORGANIZATION_VIEW, 'organizationId'),
    createOrganization: isAuthenticated,
    updateOrganization: inputOrganizationPermission(O.ORGANIZATION_SETTINGS_MANAGE, 'organizationId'),
    changePlan: inputOrganizationPermission(O.BILLING_MANAGE, 'organizationId'),
    deleteOrganization: inputOrganizationPermission(O.ORGANIZATION_DELETE, 'organizationId'),
    updateMemberRole: inputOrganizationPermission(O.MEMBERS_MANAGE, 'organizationId'),
    removeMember: inputOrganizationPermission(O.MEMBERS_MANAGE, 'organizationId'),
    leaveOrganization: inputOrganizationPermission(O.ORGANIZATION_VIEW, 'organizationId'),
    inviteMember: inputOrganizationPermission(O.MEMBERS_INVITE, 'organizationId'),
    inviteMembers: inputOrganizationPermission(O.MEMBERS_INVITE, 'organizationId'),
    resendInvitation: inputOrganizationPermission(O.MEMBERS_INVITE, 'invitationId'),
    revokeInvitation: inputOrganizationPermission(O.MEMBERS_INVITE, 'invitationId'),
    acceptInvitation: allow,
    declineInvitation: allow,
    // Accounts: a mail link's token is its own proof, so using one needs no session (CONTRACT.md, Links and pages).
    requestEmailVerification: isAuthenticated,
    verifyEmail: allow,
    requestPasswordReset: allow,
    resetPassword: allow,
    changePassword: isAuthenticated,
    changeEmail: isAuthenticated,
    confirmEmailChange: allow,
    revokeSession: isAuthenticated,
    createTeam: inputOrganizationPermission(O.TEAMS_MANAGE, 'organizationId'),
    updateTeam: inputTeamManagement,
    deleteTeam: inputOrganizationPermission(O.TEAMS_MANAGE, 'teamId'),
    addTeamMember: inputTeamManagement,
    updateTeamMemberRole: inputTeamManagement,
    removeTeamMember: inputTeamManagement,
    createRole: inputOrganizationPermission(O.ROLES_MANAGE, 'organizationId'),
    // `and` answers the first failing rule in order, as `chain` would (shield's chain and race call util.isUndefined, gone since Node 23).
    updateRole: and(builtInRolesAreFixed, inputOrganizationPermission(O.ROLES_MANAGE, 'roleId')),
    deleteRole: and(builtInRolesAreFixed, inputOrganizationPermission(O.ROLES_MANAGE, 'roleId')),
    createProject: inputOrganizationPermission(O.PROJECTS_CREATE, 'organizationId'),
    updateProject: inputProjectPermission(P.PROJECT_SETTINGS_MANAGE),
    deleteProject: inputProjectPermission(P.PROJECT_DELETE),
    grantProjectAccess: inputProjectPermission(P.PROJECT_ACCESS_MANAGE),
    revokeProjectAccess: inputProjectPermission(P.PROJECT_ACCESS_MANAGE),
    createWebhook: inputOrganizationPermission(O.WEBHOOKS_MANAGE, 'organizationId'),
    updateWebhook: inputOrganizationPermission(O.WEBHOOKS_MANAGE, 'webhookId'),
    deleteWebhook: inputOrganizationPermission(O.WEBHOOKS_MANAGE, 'webhookId'),
    rotateWebhookSecret: inputOrganizationPermission(O.WEBHOOKS_MANAGE, 'webhookId'),
    pingWebhook: inputOrganizationPermission(O.WEBHOOKS_MANAGE, 'webhookId'),
    redeliverWebhookDelivery: inputOrganizationPermission(O.WEBHOOKS_MANAGE, 'deliveryId'),
    // Instance rights, never an organization role (canAdministerInstance).
    addOrganizationOwner: isInstanceAdministrator,
    disableUser: isInstanceAdministrator,
    enableUser: isInstanceAdministrator,
    createAccessToken: inputAccessTokenPermissionsHeld,
    revokeAccessToken: isAuthenticated,
  },
  Subscription: {
    organizationEvents: argumentOrganizationPermission(O.ORGANIZATION_VIEW),
  },
  Organization: {
    '*': parentOrganizationPermission(O.ORGANIZATION_VIEW),
    auditLog: parentOrganizationPermission(O.AUDIT_LOG_VIEW),
    invitations: parentOrganizationPermission(O.MEMBERS_INVITE),
    webhooks: parentOrganizationPermission(O.WEBHOOKS_MANAGE),
  },
  // Reachable only through Organization.webhooks and the webhook mutations, which need WEBHOOKS_MANAGE.
  Webhook: allow,
  WebhookDelivery: allow,
  WebhookDeliveryConnection: allow,
  CreateWebhookPayload: allow,
  WebhookPayload: allow,
  DeleteWebhookPayload: allow,
  RotateWebhookSecretPayload: allow,
  WebhookDeliveryPayload: allow,
  User: { '*': allow, accessTokens: isAuthenticated, sessions: isAuthenticated },
  // Reachable only through viewer.accessTokens and the access token mutations, which need a session.
  AccessToken: allow,
  AccessTokenConnection: allow,
  AccessTokenEdge: allow,
  CreateAccessTokenPayload: allow,
  RevokeAccessTokenPayload: allow,
  // Reachable only through Query.instance and the instance actions, which need instance rights.
  Instance: allow,
  InstanceOrganization: allow,
  InstanceOrganizationConnection: allow,
  InstanceOrganizationEdge: allow,
  InstanceUser: allow,
  InstanceUserConnection: allow,
  InstanceUserEdge: allow,
  InstanceUserPayload: allow,
  AuthPayload: allow,
  // User.sessions is null but on the viewer with a session.
  Session: allow,
  SessionConnection: allow,
  SessionEdge: allow,
  RevokeSessionPayload: allow,
  RequestEmailVerificationPayload: allow,
  VerifyEmailPayload: allow,
  RequestPasswordResetPayload: allow,
  ChangePasswordPayload: allow,
  ChangeEmailPayload: allow,
  ConfirmEmailChangePayload: allow,
  LogoutPayload: allow,
  OrganizationPayload: allow,
  DeleteOrganizationPayload: allow,
  SwitchOrganizationPayload: allow,
  OrganizationConnection: allow,
  OrganizationEdge: allow,
  PageInfo: allow,
  // The token holder of a public decline sees only id and status; the rest is for MEMBERS_INVITE holders.
  Invitation: { '*': parentRowOrganizationPermission(O.MEMBERS_INVITE), id: allow, status: allow },
  InvitationConnection: allow,
  InvitationEdge: allow,
  InvitationPayload: allow,
  InviteMembersPayload: allow,
  InviteMembersResult: allow,
  InviteMembersError: allow,
  FieldError: allow,
  InvitationProjectGrant: allow,
  AcceptInvitationPayload: allow,
  InvitationPreview: allow,
  InvitationOrganization: allow,
  InvitationInviter: allow,
  Member: allow,
  Team: allow,
  MemberConnection: allow,
  MemberEdge: allow,
  MemberPayload: allow,
  RemoveMemberPayload: allow,
  LeaveOrganizationPayload: allow,
  AuditEvent: allow,
  AuditEventConnection: allow,
  AuditEventEdge: allow,
  TeamMember: allow,
  TeamMemberConnection: allow,
  TeamMemberEdge: allow,
  TeamPayload: allow,
  DeleteTeamPayload: allow,
  TeamMemberPayload: allow,
  RemoveTeamMemberPayload: allow,
  Role: allow,
  RolePayload: allow,
  DeleteRolePayload: allow,
  // Every Project field re-checks PROJECT_VIEW (cached per request by the effectivePermissions loader).
  Project: { '*': parentProjectPermission(P.PROJECT_VIEW), effectivePermissions: parentProjectPermission(P.PROJECT_ACCESS_MANAGE) },
  ProjectConnection: allow,
  ProjectEdge: allow,
  ProjectAccess: allow,
  ProjectPayload: allow,
  DeleteProjectPayload: allow,
  ProjectAccessPayload: allow,
});

export const permissions = shield(ruleTree, {
  fallbackRule: deny,
  allowExternalErrors: true,
  fallbackError: () => new ForbiddenError(),
});

/** A field's rule as shield resolves it: the field's own, else the type's wildcard or whole-type rule, else the fallback (deny). */
export function ruleOf(typeName: string, field: string): ShieldRule {
  const entry = (ruleTree as IRuleTypeMap)[typeName];
  if (entry === undefined) return deny;
  if (isRule(entry)) return entry;
  return entry[field] ?? entry['*'] ?? deny;
}

/**
 * The shield's middleware for `schema`, without the fields whose rule is `allow`: a rule that
 * always passes would only cost each resolution a promise (a members page resolves thousands
 * of fields). Nothing else changes: every other field keeps its rule, a field without one keeps
 * the fallback (deny), and test/shield-coverage.test.ts holds every type to an entry and every
 * other field to its wrapper.
 */
export function shieldMiddleware(schema: GraphQLSchema): IMiddleware {
  const generated = permissions.generate(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, fields] of Object.entries(generated)) {
    for (const field of Object.keys(fields)) if (ruleOf(typeName, field) === allow) delete fields[field];
    if (Object.keys(fields).length === 0) delete generated[typeName];
  }
  return generated as IMiddleware;
}
