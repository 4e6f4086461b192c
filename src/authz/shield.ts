import { allow, deny, shield } from 'graphql-shield';
import { ForbiddenError } from '../graphql/errors';
import { OrganizationPermission as O } from './enums';
import { inputOrganizationPermission, isAuthenticated, parentOrganizationPermission, parentRowOrganizationPermission } from './rules';

/**
 * The rule of every Query and Mutation field and of every type. Deny by default: a field
 * with no rule here is refused. Object types reachable only through guarded fields allow
 * their fields; the guards that matter sit on the roots and on sensitive fields.
 */
export const ruleTree = {
  Query: {
    viewer: allow,
    organization: isAuthenticated,
    invitationPreview: allow,
  },
  Mutation: {
    register: allow,
    login: allow,
    logout: isAuthenticated,
    switchOrganization: inputOrganizationPermission(O.ORGANIZATION_VIEW),
    createOrganization: isAuthenticated,
    updateOrganization: inputOrganizationPermission(O.ORGANIZATION_SETTINGS_MANAGE),
    changePlan: inputOrganizationPermission(O.BILLING_MANAGE),
    deleteOrganization: inputOrganizationPermission(O.ORGANIZATION_DELETE),
    updateMemberRole: inputOrganizationPermission(O.MEMBERS_MANAGE),
    removeMember: inputOrganizationPermission(O.MEMBERS_MANAGE),
    leaveOrganization: inputOrganizationPermission(O.ORGANIZATION_VIEW),
    inviteMember: inputOrganizationPermission(O.MEMBERS_INVITE),
    resendInvitation: inputOrganizationPermission(O.MEMBERS_INVITE),
    revokeInvitation: inputOrganizationPermission(O.MEMBERS_INVITE),
    acceptInvitation: allow,
    declineInvitation: allow,
  },
  Organization: { '*': parentOrganizationPermission(O.ORGANIZATION_VIEW), auditLog: parentOrganizationPermission(O.AUDIT_LOG_VIEW), invitations: parentOrganizationPermission(O.MEMBERS_INVITE) },
  User: allow,
  AuthPayload: allow,
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
};

export const permissions = shield(ruleTree, {
  fallbackRule: deny,
  allowExternalErrors: true,
  fallbackError: () => new ForbiddenError(),
});
