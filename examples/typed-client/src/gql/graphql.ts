/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
};

/** The invitation token, and the new account when there is no session. */
export type AcceptInvitationInput = {
  /** Only without a session: the new account’s name (required), or the taken-over account’s new name (optional). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Only without a session: the password of the new account, or of the unverified account taken over. */
  password?: InputMaybe<Scalars['String']['input']>;
  /** The token from the invitation link. */
  token: Scalars['String']['input'];
};

/** The membership an accepted invitation made. */
export type AcceptInvitationPayload = {
  __typename?: 'AcceptInvitationPayload';
  /** The organization they joined. */
  organization: Organization;
  /** A new session token, when this call created the account or took over an unverified one. */
  token?: Maybe<Scalars['String']['output']>;
  /** The user who became a member. */
  user: User;
};

/** A personal access token: it acts as its user inside one organization, with what both the token lists and the user holds at that moment. The token itself is shown only once, when it is created. */
export type AccessToken = {
  __typename?: 'AccessToken';
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** From then on it is refused (HTTP 401). */
  expiresAt: Scalars['DateTime']['output'];
  /** The access token's id (not the token). */
  id: Scalars['ID']['output'];
  /** When it was last used, to the minute (updated at most once a minute); null if never. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the user called it: 1 to 100 characters, unique among their access tokens. */
  name: Scalars['String']['output'];
  /** The one organization it acts in. */
  organization: Organization;
  /** The organization permissions it may use, each held by the user when it was made; at each request, only those the user still holds count. */
  organizationPermissions: Array<OrganizationPermission>;
  /** The project permissions it may use on the organization's projects; on each project, only those the user holds there at that moment count. */
  projectPermissions: Array<ProjectPermission>;
};

/** A page of access tokens, with how many there are in all. */
export type AccessTokenConnection = {
  __typename?: 'AccessTokenConnection';
  /** The items of this page with their cursors. */
  edges: Array<AccessTokenEdge>;
  /** The items of this page, for clients that need no cursors per item (same order as `edges`). */
  nodes: Array<AccessToken>;
  /** Where this page lies, and the cursors to page on. */
  pageInfo: PageInfo;
  /** How many access tokens the whole list holds (every page), as this viewer sees it. */
  totalCount: Scalars['Int']['output'];
};

/** One of the access tokens in a page, with its cursor. */
export type AccessTokenEdge = {
  __typename?: 'AccessTokenEdge';
  /** Where this item lies: pass it as `after` to list the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: AccessToken;
};

/** Whom to make an OWNER of which organization. */
export type AddOrganizationOwnerInput = {
  /** Any organization of the installation. */
  organizationId: Scalars['ID']['input'];
  /** Any account; a member is promoted, anyone else joins as OWNER. */
  userId: Scalars['ID']['input'];
};

/** Whom to add to which team. */
export type AddTeamMemberInput = {
  /** TEAM_MEMBER when omitted. */
  role?: InputMaybe<TeamRole>;
  /** The team. */
  teamId: Scalars['ID']['input'];
  /** Must be a member of the organization. */
  userId: Scalars['ID']['input'];
};

/** One change made to an organization (append-only), readable with AUDIT_LOG_VIEW. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** `noun.verb`, e.g. member.role_changed. */
  action: Scalars['String']['output'];
  /** Null when no user acted, or the account is gone. */
  actor?: Maybe<User>;
  /** When it happened. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The id of the thing that changed, when one thing did. */
  targetId?: Maybe<Scalars['ID']['output']>;
  /** What kind of thing changed (e.g. member, invitation, team), when one thing did. */
  targetType?: Maybe<Scalars['String']['output']>;
};

/** A page of audit events, with how many there are in all. */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** The items of this page with their cursors. */
  edges: Array<AuditEventEdge>;
  /** The items of this page, for clients that need no cursors per item (same order as `edges`). */
  nodes: Array<AuditEvent>;
  /** Where this page lies, and the cursors to page on. */
  pageInfo: PageInfo;
  /** How many audit events the whole list holds (every page), as this viewer sees it. */
  totalCount: Scalars['Int']['output'];
};

/** One of the audit events in a page, with its cursor. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** Where this item lies: pass it as `after` to list the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: AuditEvent;
};

/** A new session: its token, the signed-in user and an organization. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** The new organization (register) or the active one (login). */
  organization?: Maybe<Organization>;
  /** The session token: send it as `Authorization: Bearer <token>`. */
  token: Scalars['String']['output'];
  /** The signed-in user. */
  user: User;
};

/** The new email address, confirmed by the current password. */
export type ChangeEmailInput = {
  /** The current password; a wrong one counts as a failed login. */
  currentPassword: Scalars['String']['input'];
  /** Compared case-insensitively and stored lowercase; at most 254 characters. Taken: CONFLICT. */
  newEmail: Scalars['String']['input'];
};

/** The result of changeEmail: the address waits for its confirmation link. */
export type ChangeEmailPayload = {
  __typename?: 'ChangeEmailPayload';
  /** The new address, which becomes the account’s once confirmEmailChange takes its link (valid 24 hours). */
  pendingEmail: Scalars['String']['output'];
};

/** The current password and the new one. */
export type ChangePasswordInput = {
  /** The current password; a wrong one counts as a failed login. */
  currentPassword: Scalars['String']['input'];
  /** The new password, 10 to 256 characters. */
  newPassword: Scalars['String']['input'];
};

/** The result of changePassword. */
export type ChangePasswordPayload = {
  __typename?: 'ChangePasswordPayload';
  /** The viewer, whose other sessions have ended. */
  user: User;
};

/** The organization's new plan. */
export type ChangePlanInput = {
  /** The organization. */
  organizationId: Scalars['ID']['input'];
  /** The new plan. */
  plan: Plan;
};

/** An email change link to use. */
export type ConfirmEmailChangeInput = {
  /** The token of the emailed link (its `token` query parameter). */
  token: Scalars['String']['input'];
};

/** The result of confirmEmailChange. */
export type ConfirmEmailChangePayload = {
  __typename?: 'ConfirmEmailChangePayload';
  /** The account's email address now (verified). */
  email: Scalars['String']['output'];
};

/** A new personal access token for one organization. */
export type CreateAccessTokenInput = {
  /** Days until it expires: 1 to 366, 90 when omitted. */
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  /** What to call it: 1 to 100 characters, unique among your access tokens (CONFLICT otherwise). */
  name: Scalars['String']['input'];
  /** The one organization it acts in (you must belong to it). */
  organizationId: Scalars['ID']['input'];
  /** The organization permissions it may use; each one you hold there now (FORBIDDEN otherwise). */
  organizationPermissions: Array<OrganizationPermission>;
  /** The project permissions it may use on the organization's projects; each one you hold now (through your role, or a grant on at least one project), FORBIDDEN otherwise. On each project it gets only those you hold there. */
  projectPermissions: Array<ProjectPermission>;
};

/** A new access token, and the token itself. */
export type CreateAccessTokenPayload = {
  __typename?: 'CreateAccessTokenPayload';
  /** The access token as viewer.accessTokens lists it. */
  accessToken: AccessToken;
  /** The token (`orgraph_pat_` and 43 random characters), shown this once: send it as `Authorization: Bearer <token>`. Only its hash is kept. */
  token: Scalars['String']['output'];
};

/** A new organization; the creator becomes its OWNER. */
export type CreateOrganizationInput = {
  /** ISO 3166-1 alpha-2. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** At most 1,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Derived from the name when omitted. */
  moniker?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** Fixed at creation. */
  region: Region;
};

/** A new project in an organization. */
export type CreateProjectInput = {
  /** At most 1,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** The organization. */
  organizationId: Scalars['ID']['input'];
};

/** A new custom project role. */
export type CreateRoleInput = {
  /** At most 1,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Unique in the organization, case-insensitively (else CONFLICT); not a built-in role's name after NFKC and case folding (else BAD_USER_INPUT). */
  name: Scalars['String']['input'];
  /** The organization the role belongs to. */
  organizationId: Scalars['ID']['input'];
  /** Must include PROJECT_VIEW. */
  permissions: Array<ProjectPermission>;
};

/** A new team in an organization. */
export type CreateTeamInput = {
  /** At most 1,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Unique within the organization, case-insensitively. */
  name: Scalars['String']['input'];
  /** The organization. */
  organizationId: Scalars['ID']['input'];
};

/** A new webhook. */
export type CreateWebhookInput = {
  /** The actions to receive: exact (`member.invited`), a family (`member.*`) or `*` for all; 1 to 50. */
  actions: Array<Scalars['String']['input']>;
  /** Free text for the people who manage it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The organization whose events it receives. */
  organizationId: Scalars['ID']['input'];
  /** https:// URL to POST events to; its host must resolve to public addresses. */
  url: Scalars['String']['input'];
};

/** A new webhook and its signing secret. */
export type CreateWebhookPayload = {
  __typename?: 'CreateWebhookPayload';
  /** The signing secret (`whsec_` + base64), shown this once: receivers verify signatures with it. */
  secret: Scalars['String']['output'];
  /** The webhook. */
  webhook: Webhook;
};

/** The invitation token to decline. */
export type DeclineInvitationInput = {
  /** The token from the invitation link. */
  token: Scalars['String']['input'];
};

/** The organization to delete, confirmed by its moniker. */
export type DeleteOrganizationInput = {
  /** Must equal the current moniker. */
  confirmMoniker: Scalars['String']['input'];
  /** The organization to delete, with everything it holds. */
  organizationId: Scalars['ID']['input'];
};

/** The deleted organization. */
export type DeleteOrganizationPayload = {
  __typename?: 'DeleteOrganizationPayload';
  /** The deleted organization. */
  deletedOrganizationId: Scalars['ID']['output'];
};

/** The project to delete. */
export type DeleteProjectInput = {
  /** The project to delete. */
  projectId: Scalars['ID']['input'];
};

/** The deleted project. */
export type DeleteProjectPayload = {
  __typename?: 'DeleteProjectPayload';
  /** The deleted project. */
  deletedProjectId: Scalars['ID']['output'];
};

/** The custom role to delete. */
export type DeleteRoleInput = {
  /** A custom role, granted nowhere and named in no pending invitation (else CONFLICT). */
  roleId: Scalars['ID']['input'];
};

/** The deleted role. */
export type DeleteRolePayload = {
  __typename?: 'DeleteRolePayload';
  /** The deleted role. */
  deletedRoleId: Scalars['ID']['output'];
};

/** The team to delete. */
export type DeleteTeamInput = {
  /** A team other than the default one. */
  teamId: Scalars['ID']['input'];
};

/** The deleted team. */
export type DeleteTeamPayload = {
  __typename?: 'DeleteTeamPayload';
  /** The deleted team. */
  deletedTeamId: Scalars['ID']['output'];
};

/** The webhook to delete, with its deliveries. */
export type DeleteWebhookInput = {
  /** The webhook to delete. */
  webhookId: Scalars['ID']['input'];
};

/** What was deleted. */
export type DeleteWebhookPayload = {
  __typename?: 'DeleteWebhookPayload';
  /** The deleted webhook’s id. */
  deletedWebhookId: Scalars['ID']['output'];
};

/** The account to disable. */
export type DisableUserInput = {
  /** Any account but your own and other instance administrators. */
  userId: Scalars['ID']['input'];
};

/** Which address a verification link proved. */
export type EmailVerificationKind =
  /** An account's email address (User.emailVerified). */
  | 'ACCOUNT'
  /** An organization's notification mailbox (Organization.notificationEmailVerified). */
  | 'NOTIFICATION_MAILBOX';

/** The account to enable again. */
export type EnableUserInput = {
  /** A disabled account. */
  userId: Scalars['ID']['input'];
};

/** An input field a refusal names, and why. */
export type FieldError = {
  __typename?: 'FieldError';
  /** The input field's name, e.g. `email`. */
  field: Scalars['String']['output'];
  /** What is wrong with it. */
  message: Scalars['String']['output'];
};

/** Who gets which role on which project. */
export type GrantProjectAccessInput = {
  /** The project to delete. */
  projectId: Scalars['ID']['input'];
  /** A built-in role or one of the organization's custom roles. */
  roleId: Scalars['ID']['input'];
  /** Exactly one of userId and teamId. */
  teamId?: InputMaybe<Scalars['ID']['input']>;
  /** Exactly one of userId and teamId. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** The whole installation, for instance administrators only (`instance` is FORBIDDEN to everyone else). */
export type Instance = {
  __typename?: 'Instance';
  /** Every organization, newest first. */
  organizations: InstanceOrganizationConnection;
  /** Every account, newest first. */
  users: InstanceUserConnection;
};


/** The whole installation, for instance administrators only (`instance` is FORBIDDEN to everyone else). */
export type InstanceOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** The whole installation, for instance administrators only (`instance` is FORBIDDEN to everyone else). */
export type InstanceUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};

/** An organization as instance administrators see it: what it is and how big, never its members' data or content. */
export type InstanceOrganization = {
  __typename?: 'InstanceOrganization';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier (the id addOrganizationOwner takes). */
  id: Scalars['ID']['output'];
  /** How many members it has. */
  memberCount: Scalars['Int']['output'];
  /** The current moniker. */
  moniker: Scalars['String']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** The subscription plan. */
  plan: Plan;
  /** Where its data is kept. */
  region: Region;
};

/** A page of instance organizations, with how many there are in all. */
export type InstanceOrganizationConnection = {
  __typename?: 'InstanceOrganizationConnection';
  /** The items of this page with their cursors. */
  edges: Array<InstanceOrganizationEdge>;
  /** The items of this page, for clients that need no cursors per item (same order as `edges`). */
  nodes: Array<InstanceOrganization>;
  /** Where this page lies, and the cursors to page on. */
  pageInfo: PageInfo;
  /** How many instance organizations the whole list holds (every page), as this viewer sees it. */
  totalCount: Scalars['Int']['output'];
};

/** One of the instance organizations in a page, with its cursor. */
export type InstanceOrganizationEdge = {
  __typename?: 'InstanceOrganizationEdge';
  /** Where this item lies: pass it as `after` to list the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: InstanceOrganization;
};

/** An account as instance administrators see it. */
export type InstanceUser = {
  __typename?: 'InstanceUser';
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** True while disabled: no session, access token or login works. */
  disabled: Scalars['Boolean']['output'];
  /** The account's email address, lowercase. */
  email: Scalars['String']['output'];
  /** Stable identifier (the id disableUser, enableUser and addOrganizationOwner take). */
  id: Scalars['ID']['output'];
  /** Whether the account administers the installation. */
  isInstanceAdmin: Scalars['Boolean']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
};

/** A page of instance users, with how many there are in all. */
export type InstanceUserConnection = {
  __typename?: 'InstanceUserConnection';
  /** The items of this page with their cursors. */
  edges: Array<InstanceUserEdge>;
  /** The items of this page, for clients that need no cursors per item (same order as `edges`). */
  nodes: Array<InstanceUser>;
  /** Where this page lies, and the cursors to page on. */
  pageInfo: PageInfo;
  /** How many instance users the whole list holds (every page), as this viewer sees it. */
  totalCount: Scalars['Int']['output'];
};

/** One of the instance users in a page, with its cursor. */
export type InstanceUserEdge = {
  __typename?: 'InstanceUserEdge';
  /** Where this item lies: pass it as `after` to list the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: InstanceUser;
};

/** The account an instance action changed. */
export type InstanceUserPayload = {
  __typename?: 'InstanceUserPayload';
  /** The account, as it is now. */
  user: InstanceUser;
};

/** An invitation to join an organization, as its MEMBERS_INVITE holders see it. The token holder of a public decline sees only `id` and `status`. */
export type Invitation = {
  __typename?: 'Invitation';
  /** When it was first sent. */
  createdAt: Scalars['DateTime']['output'];
  /** The invited address, lowercase. */
  email: Scalars['String']['output'];
  /** When the token stops working: 7 days (or the chosen days) after it was last sent. */
  expiresAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Null once the inviter has deleted their account. */
  invitedBy?: Maybe<User>;
  /** When it was last sent. */
  lastSentAt: Scalars['DateTime']['output'];
  /** The invitee's name, if the inviter gave one. */
  name?: Maybe<Scalars['String']['output']>;
  /** The inviter's note, shown in the email. */
  note?: Maybe<Scalars['String']['output']>;
  /** The project roles the invitee receives on acceptance. */
  projectGrants: Array<InvitationProjectGrant>;
  /** The organization role the invitee receives on acceptance. */
  role: OrganizationRole;
  /** How many times it was sent (1, plus one per resend). */
  sentCount: Scalars['Int']['output'];
  /** Where it stands; EXPIRED once `expiresAt` has passed. */
  status: InvitationStatus;
  /** The teams the invitee joins as TEAM_MEMBER on acceptance. */
  teams: Array<Team>;
};

/** A page of invitations, with how many there are in all. */
export type InvitationConnection = {
  __typename?: 'InvitationConnection';
  /** The items of this page with their cursors. */
  edges: Array<InvitationEdge>;
  /** The items of this page, for clients that need no cursors per item (same order as `edges`). */
  nodes: Array<Invitation>;
  /** Where this page lies, and the cursors to page on. */
  pageInfo: PageInfo;
  /** How many invitations the whole list holds (every page), as this viewer sees it. */
  totalCount: Scalars['Int']['output'];
};

/** One of the invitations in a page, with its cursor. */
export type InvitationEdge = {
  __typename?: 'InvitationEdge';
  /** Where this item lies: pass it as `after` to list the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Invitation;
};

/** Who sent an invitation, as the token holder may see them. */
export type InvitationInviter = {
  __typename?: 'InvitationInviter';
  /** The inviter's name. */
  name: Scalars['String']['output'];
};

/** What the token holder may see of the organization. */
export type InvitationOrganization = {
  __typename?: 'InvitationOrganization';
  /** The organization's current moniker. */
  moniker: Scalars['String']['output'];
  /** The organization's name. */
  name: Scalars['String']['output'];
};

/** The invitation a mutation changed. */
export type InvitationPayload = {
  __typename?: 'InvitationPayload';
  /** The invitation. */
  invitation: Invitation;
};

/** An invitation as its token holder sees it, before accepting. */
export type InvitationPreview = {
  __typename?: 'InvitationPreview';
  /** The invited address. */
  email: Scalars['String']['output'];
  /** When the token stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** Who invited; null once their account is gone. */
  invitedBy?: Maybe<InvitationInviter>;
  /** The invitee's name, if the inviter gave one. */
  name?: Maybe<Scalars['String']['output']>;
  /** The inviter's note. */
  note?: Maybe<Scalars['String']['output']>;
  /** The organization inviting. */
  organization: InvitationOrganization;
  /** The organization role the invitee would receive. */
  role: OrganizationRole;
  /** Where it stands: only PENDING can be accepted or declined. */
  status: InvitationStatus;
};

/** A project role the invitee receives on acceptance. */
export type InvitationProjectGrant = {
  __typename?: 'InvitationProjectGrant';
  /** The project. */
  project: Project;
  /** The role on it. */
  role: Role;
};

/** Where an invitation stands. */
export type InvitationStatus =
  /** The invitee became a member. */
  | 'ACCEPTED'
  /** The token holder declined. */
  | 'DECLINED'
  /** Not answered before `expiresAt`; a resend makes it PENDING again. */
  | 'EXPIRED'
  /** Sent, not answered; the token works until `expiresAt`. */
  | 'PENDING'
  /** Revoked by a MEMBERS_INVITE holder, or because its inviter left. */
  | 'REVOKED';

/** Whom to invite, with which organization role, teams and project grants. */
export type InviteMemberInput = {
  /** Compared case-insensitively; stored lowercase. */
  email: Scalars['String']['input'];
  /** 1 to 30; defaults to the server's INVITATION_TTL_DAYS. */
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  /** The invitee's name, for the email. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Shown in the email; at most 1,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The organization to invite into. */
  organizationId: Scalars['ID']['input'];
  /** Project roles the invitee receives; each needs PROJECT_ACCESS_MANAGE and every permission of the role. */
  projectGrants?: InputMaybe<Array<ProjectGrantInput>>;
  /** For someone who left or was removed from the organization in the last 90 days: accepting also restores the team memberships and project grants they held then (those whose team, project and role still exist). No effect for anyone else. */
  reinstate?: InputMaybe<Scalars['Boolean']['input']>;
  /** OWNER needs OWNERS_MANAGE. */
  role: OrganizationRole;
  /** Teams the invitee joins as TEAM_MEMBER; omitted means the default team. Not empty. */
  teamIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Why one row of inviteMembers failed: the refusal inviteMember would have answered for it. */
export type InviteMembersError = {
  __typename?: 'InviteMembersError';
  /** The refusal code (CONTRACT.md, Errors): FORBIDDEN, BAD_USER_INPUT, CONFLICT, RATE_LIMITED, NOT_FOUND, or INTERNAL_SERVER_ERROR. */
  code: Scalars['String']['output'];
  /** For BAD_USER_INPUT: the fields of the row at fault. */
  fields?: Maybe<Array<FieldError>>;
  /** A readable reason. */
  message: Scalars['String']['output'];
};

/** 1 to 100 invitations sharing one organization, note, expiry and reinstate. */
export type InviteMembersInput = {
  /** 1 to 30; defaults to the server's INVITATION_TTL_DAYS. */
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 100 invitees; each row succeeds or fails alone, with its own result in this order. */
  invitations: Array<InviteeInput>;
  /** Shown in the email; at most 1,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The organization to invite into. */
  organizationId: Scalars['ID']['input'];
  /** For someone who left or was removed from the organization in the last 90 days: accepting also restores the team memberships and project grants they held then (those whose team, project and role still exist). No effect for anyone else. */
  reinstate?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One result per invitation asked for, in input order. */
export type InviteMembersPayload = {
  __typename?: 'InviteMembersPayload';
  /** In the order of `input.invitations`. */
  results: Array<InviteMembersResult>;
};

/** The outcome of one row of inviteMembers: an invitation, or an error. */
export type InviteMembersResult = {
  __typename?: 'InviteMembersResult';
  /** The row's email (lowercase once valid). */
  email: Scalars['String']['output'];
  /** Why the row failed; null when it succeeded. */
  error?: Maybe<InviteMembersError>;
  /** The invitation sent; null when the row failed. */
  invitation?: Maybe<Invitation>;
};

/** One person of an inviteMembers call: the same fields and rules as inviteMember. */
export type InviteeInput = {
  /** Compared case-insensitively; stored lowercase. */
  email: Scalars['String']['input'];
  /** The invitee's name, for the email. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Project roles the invitee receives; each needs PROJECT_ACCESS_MANAGE and every permission of the role. */
  projectGrants?: InputMaybe<Array<ProjectGrantInput>>;
  /** OWNER needs OWNERS_MANAGE. */
  role: OrganizationRole;
  /** Teams the invitee joins as TEAM_MEMBER; omitted means the default team. Not empty. */
  teamIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** The organization to leave. */
export type LeaveOrganizationInput = {
  /** An organization the viewer belongs to. */
  organizationId: Scalars['ID']['input'];
};

/** The organization the viewer left. */
export type LeaveOrganizationPayload = {
  __typename?: 'LeaveOrganizationPayload';
  /** The organization left. */
  leftOrganizationId: Scalars['ID']['output'];
};

/** Credentials to sign in with. */
export type LoginInput = {
  /** The account's email, in any case; at most 254 characters. */
  email: Scalars['String']['input'];
  /** The account's password. */
  password: Scalars['String']['input'];
};

/** Which sessions logout ends. */
export type LogoutInput = {
  /** End every one of the user's sessions, not only this one. */
  allSessions?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The result of logout. */
export type LogoutPayload = {
  __typename?: 'LogoutPayload';
  /** True once the sessions have ended; false with an access token, which has no session to end. */
  loggedOut: Scalars['Boolean']['output'];
};

/** A user's membership of an organization, with their organization role. */
export type Member = {
  __typename?: 'Member';
  /** When they became a member. */
  joinedAt: Scalars['DateTime']['output'];
  /** Their organization role, which decides their organization permissions. */
  role: OrganizationRole;
  /** The member's teams in this organization, by name. */
  teams: Array<Team>;
  /** The member. */
  user: User;
};

/** A page of members, with how many there are in all. */
export type MemberConnection = {
  __typename?: 'MemberConnection';
  /** The items of this page with their cursors. */
  edges: Array<MemberEdge>;
  /** The items of this page, for clients that need no cursors per item (same order as `edges`). */
  nodes: Array<Member>;
  /** Where this page lies, and the cursors to page on. */
  pageInfo: PageInfo;
  /** How many members the whole list holds (every page), as this viewer sees it. */
  totalCount: Scalars['Int']['output'];
};

/** One of the members in a page, with its cursor. */
export type MemberEdge = {
  __typename?: 'MemberEdge';
  /** Where this item lies: pass it as `after` to list the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Member;
};

/** The membership a mutation changed. */
export type MemberPayload = {
  __typename?: 'MemberPayload';
  /** The membership. */
  member: Member;
};

/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Public. With a session, its email must be the invited one; without, name and password create the account. An unverified account with the invited email is taken over (password replaced, its sessions ended, name if given); a verified one must sign in first (UNAUTHENTICATED). Either way the email becomes verified. */
  acceptInvitation: AcceptInvitationPayload;
  /** Instance administrators only: makes any account an OWNER of any organization (e.g. when its owners are gone); audited there. */
  addOrganizationOwner: MemberPayload;
  /** Needs TEAMS_MANAGE or TEAM_ADMIN. Only members of the organization (else NOT_FOUND); already in the team is CONFLICT. */
  addTeamMember: TeamMemberPayload;
  /** Needs the current password (wrong: BAD_USER_INPUT on currentPassword, counted as a failed login); a taken address is CONFLICT. Mails <PUBLIC_URL>/confirm-email?token= (valid 24 hours) to the new address and a notice to the current one; the address changes at confirmEmailChange. */
  changeEmail: ChangeEmailPayload;
  /** Needs the current password (wrong: BAD_USER_INPUT on currentPassword, counted as a failed login). Ends every other session of the viewer and mails a notice to the account's email. */
  changePassword: ChangePasswordPayload;
  /** Needs BILLING_MANAGE. */
  changePlan: OrganizationPayload;
  /** Uses an email change link (no session needed): the account switches to the new address, verified. CONFLICT if another account took the address meanwhile; a used, expired or replaced link is GONE. */
  confirmEmailChange: ConfirmEmailChangePayload;
  /** With a session only (FORBIDDEN with an access token). A personal access token for one organization you belong to (NOT_FOUND otherwise), listing permissions you hold now (FORBIDDEN otherwise). The token is returned this once. */
  createAccessToken: CreateAccessTokenPayload;
  /** The creator becomes OWNER; the new organization becomes active. */
  createOrganization: OrganizationPayload;
  /** Needs PROJECTS_CREATE; the creator is granted the Owner role. */
  createProject: ProjectPayload;
  /** Needs ROLES_MANAGE. The name must be unique in the organization and not a built-in's (CONFLICT). */
  createRole: RolePayload;
  /** Needs TEAMS_MANAGE. Names are unique in the organization, case-insensitively (CONFLICT). */
  createTeam: TeamPayload;
  /** Needs WEBHOOKS_MANAGE. The URL must be https:// and resolve to public addresses (BAD_USER_INPUT on url). Returns the signing secret once. */
  createWebhook: CreateWebhookPayload;
  /** Public: the token holder declines. */
  declineInvitation: InvitationPayload;
  /** Needs confirmMoniker equal to the current moniker; removes everything the organization holds. */
  deleteOrganization: DeleteOrganizationPayload;
  /** Needs PROJECT_DELETE. */
  deleteProject: DeleteProjectPayload;
  /** Needs ROLES_MANAGE; built-in roles are FORBIDDEN; a role still granted or in a pending invitation is CONFLICT. */
  deleteRole: DeleteRolePayload;
  /** Needs TEAMS_MANAGE. Never the default team nor the last one (CONFLICT). */
  deleteTeam: DeleteTeamPayload;
  /** Needs WEBHOOKS_MANAGE. Its deliveries go with it. */
  deleteWebhook: DeleteWebhookPayload;
  /** Instance administrators only: disables an account. Its sessions and access tokens are refused at once (HTTP 401) and login is refused; audited in each of its organizations. Not your own account, nor another administrator's (CONFLICT). */
  disableUser: InstanceUserPayload;
  /** Instance administrators only: enables a disabled account again (it signs in anew); audited in each of its organizations. */
  enableUser: InstanceUserPayload;
  /** Needs PROJECT_ACCESS_MANAGE, and every permission of the role (FORBIDDEN otherwise). Replaces the principal's previous role on the project. */
  grantProjectAccess: ProjectAccessPayload;
  /** Records the invitation and emails the invitee a link with a token. The sender needs a verified email (FORBIDDEN otherwise) unless the server runs with INVITES_REQUIRE_VERIFIED_EMAIL=false. */
  inviteMember: InvitationPayload;
  /** Needs MEMBERS_INVITE and, as inviteMember, a verified email. 1 to 100 invitations in one call: each row follows the rules of inviteMember and succeeds or fails alone (its own transaction, budgets and email); one result per row, in input order. */
  inviteMembers: InviteMembersPayload;
  /** The last owner cannot leave (CONFLICT). */
  leaveOrganization: LeaveOrganizationPayload;
  /** Signs in with email and password and returns a new session token. A wrong email or password is UNAUTHENTICATED, with one message for both; failures are rate limited. */
  login: AuthPayload;
  /** Ends this session, or every session of the user with allSessions. With an access token it ends nothing (loggedOut false: revoke the token with a session), and allSessions is FORBIDDEN. */
  logout: LogoutPayload;
  /** Needs WEBHOOKS_MANAGE. Sends a `webhook.ping` delivery now. */
  pingWebhook: WebhookDeliveryPayload;
  /** Needs WEBHOOKS_MANAGE. Attempts the delivery again now, with the same webhook-id. */
  redeliverWebhookDelivery: WebhookDeliveryPayload;
  /** Creates the account and its first organization, and signs in. */
  register: AuthPayload;
  /** Also removes their team memberships and project grants there and revokes the invitations they sent. */
  removeMember: RemoveMemberPayload;
  /** Needs TEAMS_MANAGE or TEAM_ADMIN of the team. */
  removeTeamMember: RemoveTeamMemberPayload;
  /** Mails the viewer's email a new verification link, <PUBLIC_URL>/verify-email?token= (valid 24 hours); earlier links are GONE from then on. Rate limited per email and per client address. */
  requestEmailVerification: RequestEmailVerificationPayload;
  /** Mails a password reset link, <PUBLIC_URL>/reset-password?token= (valid 1 hour, single use; a newer request makes older links GONE), if the email has an account. The answer is the same either way. Rate limited per email and per client address. */
  requestPasswordReset: RequestPasswordResetPayload;
  /** A new token (the old one is GONE), a new expiry, another email; for PENDING and EXPIRED invitations. The sender needs a verified email, as for inviteMember. */
  resendInvitation: InvitationPayload;
  /** Uses a password reset link (no session needed): sets the new password, marks the email verified, ends every session of the account and returns a new one. A used, expired or replaced link is GONE. */
  resetPassword: AuthPayload;
  /** With a session only (FORBIDDEN with an access token). Ends one of your access tokens at once; anyone else’s is NOT_FOUND. */
  revokeAccessToken: RevokeAccessTokenPayload;
  /** Needs MEMBERS_INVITE. Ends a pending invitation (REVOKED); its token is GONE from then on. */
  revokeInvitation: InvitationPayload;
  /** Needs PROJECT_ACCESS_MANAGE and every permission of the revoked role (FORBIDDEN). NOT_FOUND when the principal holds no role on the project. */
  revokeProjectAccess: ProjectPayload;
  /** Ends one of the viewer's sessions (this one too, as logout would); another user's session, or a missing one, is NOT_FOUND. */
  revokeSession: RevokeSessionPayload;
  /** Needs WEBHOOKS_MANAGE. A new secret, shown once; the old one keeps signing beside it for 24 hours. */
  rotateWebhookSecret: RotateWebhookSecretPayload;
  /** Sets viewer.activeOrganization; it survives logout and login. */
  switchOrganization: SwitchOrganizationPayload;
  /** To or from OWNER needs OWNERS_MANAGE (FORBIDDEN, checked first); the last owner cannot be demoted (CONFLICT). */
  updateMemberRole: MemberPayload;
  /** Needs ORGANIZATION_SETTINGS_MANAGE. A new moniker must be free (CONFLICT otherwise); the former one keeps resolving. */
  updateOrganization: OrganizationPayload;
  /** Needs PROJECT_SETTINGS_MANAGE. */
  updateProject: ProjectPayload;
  /** Needs ROLES_MANAGE; built-in roles are FORBIDDEN. */
  updateRole: RolePayload;
  /** Needs TEAMS_MANAGE or TEAM_ADMIN of the team. */
  updateTeam: TeamPayload;
  /** Needs TEAMS_MANAGE or TEAM_ADMIN of the team. */
  updateTeamMemberRole: TeamMemberPayload;
  /** Needs WEBHOOKS_MANAGE. A new URL is checked as at creation. */
  updateWebhook: WebhookPayload;
  /** Uses a verification link (no session needed): an account's email or an organization's notification mailbox becomes verified. A used, expired or replaced link is GONE. */
  verifyEmail: VerifyEmailPayload;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationAcceptInvitationArgs = {
  input: AcceptInvitationInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationAddOrganizationOwnerArgs = {
  input: AddOrganizationOwnerInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationAddTeamMemberArgs = {
  input: AddTeamMemberInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationChangeEmailArgs = {
  input: ChangeEmailInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationChangePlanArgs = {
  input: ChangePlanInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationConfirmEmailChangeArgs = {
  input: ConfirmEmailChangeInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationCreateAccessTokenArgs = {
  input: CreateAccessTokenInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationCreateOrganizationArgs = {
  input: CreateOrganizationInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationCreateProjectArgs = {
  input: CreateProjectInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationCreateRoleArgs = {
  input: CreateRoleInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationCreateTeamArgs = {
  input: CreateTeamInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationCreateWebhookArgs = {
  input: CreateWebhookInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationDeclineInvitationArgs = {
  input: DeclineInvitationInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationDeleteOrganizationArgs = {
  input: DeleteOrganizationInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationDeleteProjectArgs = {
  input: DeleteProjectInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationDeleteRoleArgs = {
  input: DeleteRoleInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationDeleteTeamArgs = {
  input: DeleteTeamInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationDeleteWebhookArgs = {
  input: DeleteWebhookInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationDisableUserArgs = {
  input: DisableUserInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationEnableUserArgs = {
  input: EnableUserInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationGrantProjectAccessArgs = {
  input: GrantProjectAccessInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationInviteMemberArgs = {
  input: InviteMemberInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationInviteMembersArgs = {
  input: InviteMembersInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationLeaveOrganizationArgs = {
  input: LeaveOrganizationInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationLoginArgs = {
  input: LoginInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationLogoutArgs = {
  input?: InputMaybe<LogoutInput>;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationPingWebhookArgs = {
  input: PingWebhookInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationRedeliverWebhookDeliveryArgs = {
  input: RedeliverWebhookDeliveryInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationRegisterArgs = {
  input: RegisterInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationRemoveMemberArgs = {
  input: RemoveMemberInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationRemoveTeamMemberArgs = {
  input: RemoveTeamMemberInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationRequestPasswordResetArgs = {
  input: RequestPasswordResetInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationResendInvitationArgs = {
  input: ResendInvitationInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationResetPasswordArgs = {
  input: ResetPasswordInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationRevokeAccessTokenArgs = {
  input: RevokeAccessTokenInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationRevokeInvitationArgs = {
  input: RevokeInvitationInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationRevokeProjectAccessArgs = {
  input: RevokeProjectAccessInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationRevokeSessionArgs = {
  input: RevokeSessionInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationRotateWebhookSecretArgs = {
  input: RotateWebhookSecretInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationSwitchOrganizationArgs = {
  input: SwitchOrganizationInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationUpdateMemberRoleArgs = {
  input: UpdateMemberRoleInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationUpdateOrganizationArgs = {
  input: UpdateOrganizationInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationUpdateProjectArgs = {
  input: UpdateProjectInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationUpdateRoleArgs = {
  input: UpdateRoleInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationUpdateTeamArgs = {
  input: UpdateTeamInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationUpdateTeamMemberRoleArgs = {
  input: UpdateTeamMemberRoleInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationUpdateWebhookArgs = {
  input: UpdateWebhookInput;
};


/** Every change. Each mutation is one transaction: it happens whole or not at all. Refusals are GraphQL errors whose `extensions.code` says why: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for anything in an organization the viewer is not in), BAD_USER_INPUT (with `extensions.fields`), CONFLICT, GONE, RATE_LIMITED (with `extensions.retryAfterSeconds`); anything unexpected is INTERNAL_SERVER_ERROR with `extensions.requestId`. */
export type MutationVerifyEmailArgs = {
  input: VerifyEmailInput;
};

/** A customer account: members with organization roles, teams, projects, invitations and an audit log. Every field needs ORGANIZATION_VIEW (membership) unless it says more. */
export type Organization = {
  __typename?: 'Organization';
  /** Newest first; needs AUDIT_LOG_VIEW. */
  auditLog: AuditEventConnection;
  /** ISO 3166-1 alpha-2, uppercase. */
  country?: Maybe<Scalars['String']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Free text, at most 1,000 characters. */
  description?: Maybe<Scalars['String']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Newest first; needs MEMBERS_INVITE. EXPIRED includes PENDING ones past expiresAt. */
  invitations: InvitationConnection;
  /** Newest membership first. `search` matches name or email, case-insensitively, as a substring. */
  members: MemberConnection;
  /** The current moniker; former ones keep resolving in organization(moniker:). */
  moniker: Scalars['String']['output'];
  /** Display name (1 to 100 characters). */
  name: Scalars['String']['output'];
  /** Where the organization's notifications go. Visible to holders of ORGANIZATION_SETTINGS_MANAGE; null to others. */
  notificationEmail?: Maybe<Scalars['String']['output']>;
  /** True once the notification mailbox confirmed its link (until then notifications go to the owners); null where notificationEmail is null. */
  notificationEmailVerified?: Maybe<Scalars['Boolean']['output']>;
  /** The subscription plan; FREE at creation. */
  plan: Plan;
  /** Only the projects the viewer may see (PROJECT_VIEW), newest first; totalCount counts only those. */
  projects: ProjectConnection;
  /** Where its data is kept; fixed at creation. */
  region: Region;
  /** Built-in roles first (View, Use, Owner), then the custom roles by name. */
  roles: Array<Role>;
  /** By name. */
  teams: Array<Team>;
  /** What the viewer may do in this organization (with an access token: what both the token and the user hold). */
  viewerPermissions: Array<OrganizationPermission>;
  /** The viewer's organization role; null when the viewer is not a member. */
  viewerRole?: Maybe<OrganizationRole>;
  /** Its webhooks, oldest first; needs WEBHOOKS_MANAGE. */
  webhooks: Array<Webhook>;
};


/** A customer account: members with organization roles, teams, projects, invitations and an audit log. Every field needs ORGANIZATION_VIEW (membership) unless it says more. */
export type OrganizationAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A customer account: members with organization roles, teams, projects, invitations and an audit log. Every field needs ORGANIZATION_VIEW (membership) unless it says more. */
export type OrganizationInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<InvitationStatus>;
};


/** A customer account: members with organization roles, teams, projects, invitations and an audit log. Every field needs ORGANIZATION_VIEW (membership) unless it says more. */
export type OrganizationMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<OrganizationRole>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** A customer account: members with organization roles, teams, projects, invitations and an audit log. Every field needs ORGANIZATION_VIEW (membership) unless it says more. */
export type OrganizationProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of organizations, with how many there are in all. */
export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  /** The items of this page with their cursors. */
  edges: Array<OrganizationEdge>;
  /** The items of this page, for clients that need no cursors per item (same order as `edges`). */
  nodes: Array<Organization>;
  /** Where this page lies, and the cursors to page on. */
  pageInfo: PageInfo;
  /** How many organizations the whole list holds (every page), as this viewer sees it. */
  totalCount: Scalars['Int']['output'];
};

/** One of the organizations in a page, with its cursor. */
export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  /** Where this item lies: pass it as `after` to list the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Organization;
};

/** The organization a mutation changed. */
export type OrganizationPayload = {
  __typename?: 'OrganizationPayload';
  /** The organization. */
  organization: Organization;
};

/** Something a member may do in an organization; their organization role decides which (see OrganizationRole). */
export type OrganizationPermission =
  /** Read the audit log. Held by OWNER, ADMIN. */
  | 'AUDIT_LOG_VIEW'
  /** Change the plan. Held by OWNER, ADMIN, ACCOUNTANT. */
  | 'BILLING_MANAGE'
  /** Invite people, list, resend and revoke invitations. Held by OWNER, ADMIN. */
  | 'MEMBERS_INVITE'
  /** Change the roles of non-owners, remove non-owners, see members' emails. Held by OWNER, ADMIN. */
  | 'MEMBERS_MANAGE'
  /** Delete the organization and everything it holds. Held by OWNER. */
  | 'ORGANIZATION_DELETE'
  /** Change the name, description, moniker, notification email and country. Held by OWNER, ADMIN. */
  | 'ORGANIZATION_SETTINGS_MANAGE'
  /** See the organization, its members' names and its teams. Held by OWNER, ADMIN, MEMBER, ACCOUNTANT. */
  | 'ORGANIZATION_VIEW'
  /** Make or unmake an OWNER, remove an OWNER, invite someone as OWNER. Held by OWNER. */
  | 'OWNERS_MANAGE'
  /** Create projects (the creator is granted Owner on them). Held by OWNER, ADMIN. */
  | 'PROJECTS_CREATE'
  /** Create, change and delete custom project roles. Held by OWNER, ADMIN. */
  | 'ROLES_MANAGE'
  /** Create, rename and delete every team, and manage its members. Held by OWNER, ADMIN. */
  | 'TEAMS_MANAGE'
  /** Create, change, rotate, ping and delete webhooks, and read their deliveries. Held by OWNER, ADMIN. */
  | 'WEBHOOKS_MANAGE';

/** A member's role in an organization, which decides their OrganizationPermissions. */
export type OrganizationRole =
  /** Sees the organization and manages its billing. Holds ORGANIZATION_VIEW, BILLING_MANAGE. */
  | 'ACCOUNTANT'
  /** Runs the organization, short of deleting it and managing owners. Holds ORGANIZATION_VIEW, ORGANIZATION_SETTINGS_MANAGE, BILLING_MANAGE, MEMBERS_INVITE, MEMBERS_MANAGE, TEAMS_MANAGE, PROJECTS_CREATE, ROLES_MANAGE, AUDIT_LOG_VIEW, WEBHOOKS_MANAGE. Every ProjectPermission on every project of the organization. */
  | 'ADMIN'
  /** Belongs to the organization; project access comes from grants to them or their teams. Holds ORGANIZATION_VIEW. */
  | 'MEMBER'
  /** Owns the organization; there is always at least one. Holds ORGANIZATION_VIEW, ORGANIZATION_SETTINGS_MANAGE, ORGANIZATION_DELETE, BILLING_MANAGE, MEMBERS_INVITE, MEMBERS_MANAGE, OWNERS_MANAGE, TEAMS_MANAGE, PROJECTS_CREATE, ROLES_MANAGE, AUDIT_LOG_VIEW, WEBHOOKS_MANAGE. Every ProjectPermission on every project of the organization. */
  | 'OWNER';

/** Where a page of a connection lies in the whole list (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The last item's cursor, to pass as `after` for the next page; null on an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page: ask again with `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items come before this page; paging runs forward only, so this is true exactly when `after` was given. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The first item's cursor; null on an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** The webhook to send a `webhook.ping` now. */
export type PingWebhookInput = {
  /** The webhook. */
  webhookId: Scalars['ID']['input'];
};

/** An organization's subscription plan (BILLING_MANAGE changes it). */
export type Plan =
  /** Core plan. */
  | 'CORE'
  /** Enterprise plan. */
  | 'ENTERPRISE'
  /** The plan of every new organization. */
  | 'FREE'
  /** Pro plan. */
  | 'PRO'
  /** Teams plan. */
  | 'TEAMS';

/** Whoever a project grant names: a user or a team. */
export type Principal = Team | User;

/** A project of an organization; members see it through PROJECT_VIEW (granted to them, to one of their teams, or held by every OWNER and ADMIN). */
export type Project = {
  __typename?: 'Project';
  /** Every grant on the project: a user or a team, and its role; oldest first. */
  access: Array<ProjectAccess>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Free text, at most 1,000 characters. */
  description?: Maybe<Scalars['String']['output']>;
  /** Needs PROJECT_ACCESS_MANAGE on the project. The user's permissions on it; NOT_FOUND when the user is not in its organization. */
  effectivePermissions: Array<ProjectPermission>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Display name (1 to 100 characters). */
  name: Scalars['String']['output'];
  /** The organization it belongs to. */
  organization: Organization;
  /** The viewer's permissions on the project. */
  viewerPermissions: Array<ProjectPermission>;
};


/** A project of an organization; members see it through PROJECT_VIEW (granted to them, to one of their teams, or held by every OWNER and ADMIN). */
export type ProjectEffectivePermissionsArgs = {
  userId: Scalars['ID']['input'];
};

/** One grant on a project: a user or a team, and the role they hold on it. */
export type ProjectAccess = {
  __typename?: 'ProjectAccess';
  /** The user or team the grant names. */
  principal: Principal;
  /** The role they hold on the project. */
  role: Role;
};

/** The grant a mutation made. */
export type ProjectAccessPayload = {
  __typename?: 'ProjectAccessPayload';
  /** The grant. */
  access: ProjectAccess;
};

/** A page of projects, with how many there are in all. */
export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  /** The items of this page with their cursors. */
  edges: Array<ProjectEdge>;
  /** The items of this page, for clients that need no cursors per item (same order as `edges`). */
  nodes: Array<Project>;
  /** Where this page lies, and the cursors to page on. */
  pageInfo: PageInfo;
  /** How many projects the whole list holds (every page), as this viewer sees it. */
  totalCount: Scalars['Int']['output'];
};

/** One of the projects in a page, with its cursor. */
export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  /** Where this item lies: pass it as `after` to list the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Project;
};

/** A project role an invitee receives on acceptance. */
export type ProjectGrantInput = {
  /** A project of the organization. */
  projectId: Scalars['ID']['input'];
  /** A custom role of the organization or a built-in role. */
  roleId: Scalars['ID']['input'];
};

/** The project a mutation changed. */
export type ProjectPayload = {
  __typename?: 'ProjectPayload';
  /** The project. */
  project: Project;
};

/** Something a user may do on a project, through the roles granted to them or their teams (OWNER and ADMIN of the organization hold all). */
export type ProjectPermission =
  /** Create, change and delete the project's content. In the built-in roles Use, Owner. */
  | 'CONTENT_MANAGE'
  /** Mask data in the project's databases. In the built-in roles Use, Owner. */
  | 'DATABASE_MASK'
  /** Connect to datasources and running containers. In the built-in roles View, Use, Owner. */
  | 'DATASOURCE_CONNECT'
  /** Change the project's datasources. In the built-in roles Use, Owner. */
  | 'DATASOURCE_EDIT'
  /** Create deployments. In the built-in roles Use, Owner. */
  | 'DEPLOYMENT_CREATE'
  /** Grant and revoke access to the project, read others' effective permissions. In the built-in roles Owner. */
  | 'PROJECT_ACCESS_MANAGE'
  /** Delete the project. In the built-in roles Owner. */
  | 'PROJECT_DELETE'
  /** Change the project's options: name, description. In the built-in roles Owner. */
  | 'PROJECT_SETTINGS_MANAGE'
  /** See the project and its content. In the built-in roles View, Use, Owner. */
  | 'PROJECT_VIEW';

/**
 * Orgraph: accounts, organizations, members, teams, projects and roles, over GraphQL.
 *
 * Authenticate with the HTTP header `Authorization: Bearer <token>` (in GraphiQL: the Headers tab, e.g. `{"Authorization": "Bearer <token>"}`).
 * A session token comes from `register`, `login`, `acceptInvitation` or `resetPassword` (`AuthPayload.token`); a personal access token
 * (`orgraph_pat_…`, from `createAccessToken`) acts as its user inside one organization, with the permissions it lists. Without the header the
 * request is anonymous: `viewer` is null, and everything but `register`, `login`, `invitationPreview`, `acceptInvitation`, `declineInvitation`
 * and the email-link operations (`verifyEmail`, `requestPasswordReset`, `resetPassword`, `confirmEmailChange`) answers UNAUTHENTICATED.
 *
 * Refusals are GraphQL errors whose `extensions.code` says why (see Mutation). Lists are Relay connections: `first` (1 to 100) and `after`,
 * with `nodes`, `edges` and `pageInfo`.
 */
export type Query = {
  __typename?: 'Query';
  /** The whole installation: every organization and account. Instance administrators only (else FORBIDDEN). */
  instance: Instance;
  /** Public: anyone holding the token may preview the invitation. Null when the token matches none. */
  invitationPreview?: Maybe<InvitationPreview>;
  /** By id, by current moniker, or by a former moniker (which keeps resolving). Exactly one of them. */
  organization?: Maybe<Organization>;
  /** NOT_FOUND when missing or in an organization the viewer is not in; FORBIDDEN without PROJECT_VIEW. */
  project: Project;
  /** The signed-in user; null without a valid token. */
  viewer?: Maybe<User>;
};


/**
 * Orgraph: accounts, organizations, members, teams, projects and roles, over GraphQL.
 *
 * Authenticate with the HTTP header `Authorization: Bearer <token>` (in GraphiQL: the Headers tab, e.g. `{"Authorization": "Bearer <token>"}`).
 * A session token comes from `register`, `login`, `acceptInvitation` or `resetPassword` (`AuthPayload.token`); a personal access token
 * (`orgraph_pat_…`, from `createAccessToken`) acts as its user inside one organization, with the permissions it lists. Without the header the
 * request is anonymous: `viewer` is null, and everything but `register`, `login`, `invitationPreview`, `acceptInvitation`, `declineInvitation`
 * and the email-link operations (`verifyEmail`, `requestPasswordReset`, `resetPassword`, `confirmEmailChange`) answers UNAUTHENTICATED.
 *
 * Refusals are GraphQL errors whose `extensions.code` says why (see Mutation). Lists are Relay connections: `first` (1 to 100) and `after`,
 * with `nodes`, `edges` and `pageInfo`.
 */
export type QueryInvitationPreviewArgs = {
  token: Scalars['String']['input'];
};


/**
 * Orgraph: accounts, organizations, members, teams, projects and roles, over GraphQL.
 *
 * Authenticate with the HTTP header `Authorization: Bearer <token>` (in GraphiQL: the Headers tab, e.g. `{"Authorization": "Bearer <token>"}`).
 * A session token comes from `register`, `login`, `acceptInvitation` or `resetPassword` (`AuthPayload.token`); a personal access token
 * (`orgraph_pat_…`, from `createAccessToken`) acts as its user inside one organization, with the permissions it lists. Without the header the
 * request is anonymous: `viewer` is null, and everything but `register`, `login`, `invitationPreview`, `acceptInvitation`, `declineInvitation`
 * and the email-link operations (`verifyEmail`, `requestPasswordReset`, `resetPassword`, `confirmEmailChange`) answers UNAUTHENTICATED.
 *
 * Refusals are GraphQL errors whose `extensions.code` says why (see Mutation). Lists are Relay connections: `first` (1 to 100) and `after`,
 * with `nodes`, `edges` and `pageInfo`.
 */
export type QueryOrganizationArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  moniker?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Orgraph: accounts, organizations, members, teams, projects and roles, over GraphQL.
 *
 * Authenticate with the HTTP header `Authorization: Bearer <token>` (in GraphiQL: the Headers tab, e.g. `{"Authorization": "Bearer <token>"}`).
 * A session token comes from `register`, `login`, `acceptInvitation` or `resetPassword` (`AuthPayload.token`); a personal access token
 * (`orgraph_pat_…`, from `createAccessToken`) acts as its user inside one organization, with the permissions it lists. Without the header the
 * request is anonymous: `viewer` is null, and everything but `register`, `login`, `invitationPreview`, `acceptInvitation`, `declineInvitation`
 * and the email-link operations (`verifyEmail`, `requestPasswordReset`, `resetPassword`, `confirmEmailChange`) answers UNAUTHENTICATED.
 *
 * Refusals are GraphQL errors whose `extensions.code` says why (see Mutation). Lists are Relay connections: `first` (1 to 100) and `after`,
 * with `nodes`, `edges` and `pageInfo`.
 */
export type QueryProjectArgs = {
  id: Scalars['ID']['input'];
};

/** The delivery to attempt again now. */
export type RedeliverWebhookDeliveryInput = {
  /** The delivery. */
  deliveryId: Scalars['ID']['input'];
};

/** Where an organization's data is kept; chosen at creation, never changed. */
export type Region =
  /** Europe, first region. */
  | 'EU1'
  /** Europe, second region. */
  | 'EU2'
  /** United States, first region. */
  | 'US1'
  /** United States, second region. */
  | 'US2';

/** A new account and its first organization. */
export type RegisterInput = {
  /** Compared case-insensitively and stored lowercase; at most 254 characters. Taken: CONFLICT. */
  email: Scalars['String']['input'];
  /** Display name, 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** Defaults to "<name>'s organization". */
  organizationName?: InputMaybe<Scalars['String']['input']>;
  /** 10 to 256 characters. */
  password: Scalars['String']['input'];
  /** Defaults to the server's DEFAULT_REGION. */
  region?: InputMaybe<Region>;
};

/** Whom to remove from which organization. */
export type RemoveMemberInput = {
  /** The organization. */
  organizationId: Scalars['ID']['input'];
  /** The member to remove; an OWNER needs OWNERS_MANAGE. */
  userId: Scalars['ID']['input'];
};

/** Who was removed. */
export type RemoveMemberPayload = {
  __typename?: 'RemoveMemberPayload';
  /** The user who is no longer a member. */
  removedUserId: Scalars['ID']['output'];
};

/** Whom to remove from which team. */
export type RemoveTeamMemberInput = {
  /** The team. */
  teamId: Scalars['ID']['input'];
  /** A member of the team. */
  userId: Scalars['ID']['input'];
};

/** Who was removed from the team. */
export type RemoveTeamMemberPayload = {
  __typename?: 'RemoveTeamMemberPayload';
  /** The user who left the team. */
  removedUserId: Scalars['ID']['output'];
};

/** The result of requestEmailVerification. */
export type RequestEmailVerificationPayload = {
  __typename?: 'RequestEmailVerificationPayload';
  /** True when a new link was mailed (earlier links are GONE from now on); false when the email is already verified. */
  sent: Scalars['Boolean']['output'];
};

/** Whose password to reset. */
export type RequestPasswordResetInput = {
  /** The account's email, in any case; at most 254 characters. The answer is the same whether or not it has an account. */
  email: Scalars['String']['input'];
};

/** The result of requestPasswordReset: the same whether or not the email has an account. */
export type RequestPasswordResetPayload = {
  __typename?: 'RequestPasswordResetPayload';
  /** Always true: if the email has an account, a reset link (valid 1 hour) is on its way. */
  accepted: Scalars['Boolean']['output'];
};

/** The invitation to send again. */
export type ResendInvitationInput = {
  /** A PENDING or EXPIRED invitation. */
  invitationId: Scalars['ID']['input'];
};

/** A password reset link and the new password. */
export type ResetPasswordInput = {
  /** The new password, 10 to 256 characters. */
  password: Scalars['String']['input'];
  /** The token of the emailed link (its `token` query parameter). */
  token: Scalars['String']['input'];
};

/** The access token to revoke. */
export type RevokeAccessTokenInput = {
  /** One of your access tokens (anyone else’s is NOT_FOUND). */
  accessTokenId: Scalars['ID']['input'];
};

/** The result of revokeAccessToken. */
export type RevokeAccessTokenPayload = {
  __typename?: 'RevokeAccessTokenPayload';
  /** True: the token is refused from now on (HTTP 401). */
  revoked: Scalars['Boolean']['output'];
};

/** The invitation to revoke. */
export type RevokeInvitationInput = {
  /** A PENDING invitation. */
  invitationId: Scalars['ID']['input'];
};

/** Whose grant on which project to revoke. */
export type RevokeProjectAccessInput = {
  /** The project to delete. */
  projectId: Scalars['ID']['input'];
  /** Exactly one of userId and teamId. */
  teamId?: InputMaybe<Scalars['ID']['input']>;
  /** Exactly one of userId and teamId. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** The session to end. */
export type RevokeSessionInput = {
  /** One of the viewer's sessions (viewer.sessions). */
  sessionId: Scalars['ID']['input'];
};

/** The result of revokeSession. */
export type RevokeSessionPayload = {
  __typename?: 'RevokeSessionPayload';
  /** True once the session has ended: its token is refused from now on. */
  revoked: Scalars['Boolean']['output'];
};

/** A project role: a named set of ProjectPermissions. The built-in roles (View, Use, Owner) are shared by every organization and fixed; custom roles belong to one organization (ROLES_MANAGE). */
export type Role = {
  __typename?: 'Role';
  /** True for View, Use and Owner, which every organization shares and nobody can change. */
  builtIn: Scalars['Boolean']['output'];
  /** Free text, at most 1,000 characters. */
  description?: Maybe<Scalars['String']['output']>;
  /** Stable identifier; built-in roles have fixed ids. */
  id: Scalars['ID']['output'];
  /** Unique within the organization and never a built-in role's name, case-insensitively. */
  name: Scalars['String']['output'];
  /** What the role allows on a project; always includes PROJECT_VIEW. */
  permissions: Array<ProjectPermission>;
};

/** The role a mutation changed. */
export type RolePayload = {
  __typename?: 'RolePayload';
  /** The role. */
  role: Role;
};

/** The webhook whose signing secret to replace. */
export type RotateWebhookSecretInput = {
  /** The webhook. */
  webhookId: Scalars['ID']['input'];
};

/** The new signing secret. */
export type RotateWebhookSecretPayload = {
  __typename?: 'RotateWebhookSecretPayload';
  /** The new secret, shown this once; the previous one keeps signing beside it for 24 hours. */
  secret: Scalars['String']['output'];
};

/** A signed-in session of the viewer (viewer.sessions): where and when it was opened and last used. */
export type Session = {
  __typename?: 'Session';
  /** When it was opened (register, login, acceptInvitation or resetPassword). */
  createdAt: Scalars['DateTime']['output'];
  /** Whether this is the session the request came with. */
  current: Scalars['Boolean']['output'];
  /** Stable identifier; revokeSession takes it. */
  id: Scalars['ID']['output'];
  /** When a request last used it, to the minute: it is updated at most once a minute. */
  lastUsedAt: Scalars['DateTime']['output'];
  /** The User-Agent header of the request that opened it (at most 512 characters); null without one. */
  userAgent?: Maybe<Scalars['String']['output']>;
};

/** A page of sessions, with how many there are in all. */
export type SessionConnection = {
  __typename?: 'SessionConnection';
  /** The items of this page with their cursors. */
  edges: Array<SessionEdge>;
  /** The items of this page, for clients that need no cursors per item (same order as `edges`). */
  nodes: Array<Session>;
  /** Where this page lies, and the cursors to page on. */
  pageInfo: PageInfo;
  /** How many sessions the whole list holds (every page), as this viewer sees it. */
  totalCount: Scalars['Int']['output'];
};

/** One of the sessions in a page, with its cursor. */
export type SessionEdge = {
  __typename?: 'SessionEdge';
  /** Where this item lies: pass it as `after` to list the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: Session;
};

/** Live updates over WebSocket at /graphql (graphql-transport-ws): send `{ "authorization": "Bearer <token>" }` as connectionParams; a missing or bad token closes the socket with 4401. */
export type Subscription = {
  __typename?: 'Subscription';
  /** The organization's audit events as they commit, in commit order, over WebSocket (graphql-transport-ws at /graphql). Each is checked at delivery with the rights of that moment: invitation.* and member.invited need MEMBERS_INVITE, project.* PROJECT_VIEW on the project, access_token.* and webhook.* AUDIT_LOG_VIEW, the rest ORGANIZATION_VIEW. NOT_FOUND when not a member; ends with NOT_FOUND or UNAUTHENTICATED once access is lost. */
  organizationEvents: AuditEvent;
};


/** Live updates over WebSocket at /graphql (graphql-transport-ws): send `{ "authorization": "Bearer <token>" }` as connectionParams; a missing or bad token closes the socket with 4401. */
export type SubscriptionOrganizationEventsArgs = {
  organizationId: Scalars['ID']['input'];
};

/** The organization to make the viewer's active one. */
export type SwitchOrganizationInput = {
  /** An organization the viewer belongs to. */
  organizationId: Scalars['ID']['input'];
};

/** The viewer with their new active organization. */
export type SwitchOrganizationPayload = {
  __typename?: 'SwitchOrganizationPayload';
  /** The viewer, whose activeOrganization is now the chosen one. */
  viewer: User;
};

/** A group of members of one organization; grants on projects can name a team. TEAM_ADMINs manage their team; TEAMS_MANAGE covers every team. */
export type Team = {
  __typename?: 'Team';
  /** Free text, at most 1,000 characters. */
  description?: Maybe<Scalars['String']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The team new members join by default; it can be renamed, never deleted. */
  isDefault: Scalars['Boolean']['output'];
  /** Newest first. */
  members: TeamMemberConnection;
  /** Unique within the organization, case-insensitively. */
  name: Scalars['String']['output'];
  /** The viewer's role in this team; null when not in it. */
  viewerRole?: Maybe<TeamRole>;
};


/** A group of members of one organization; grants on projects can name a team. TEAM_ADMINs manage their team; TEAMS_MANAGE covers every team. */
export type TeamMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A member of a team, with their role in it. */
export type TeamMember = {
  __typename?: 'TeamMember';
  /** TEAM_ADMIN manages the team; TEAM_MEMBER does not. */
  role: TeamRole;
  /** The member. */
  user: User;
};

/** A page of team members, with how many there are in all. */
export type TeamMemberConnection = {
  __typename?: 'TeamMemberConnection';
  /** The items of this page with their cursors. */
  edges: Array<TeamMemberEdge>;
  /** The items of this page, for clients that need no cursors per item (same order as `edges`). */
  nodes: Array<TeamMember>;
  /** Where this page lies, and the cursors to page on. */
  pageInfo: PageInfo;
  /** How many team members the whole list holds (every page), as this viewer sees it. */
  totalCount: Scalars['Int']['output'];
};

/** One of the team members in a page, with its cursor. */
export type TeamMemberEdge = {
  __typename?: 'TeamMemberEdge';
  /** Where this item lies: pass it as `after` to list the items that follow it. */
  cursor: Scalars['String']['output'];
  /** The item itself. */
  node: TeamMember;
};

/** The team membership a mutation changed. */
export type TeamMemberPayload = {
  __typename?: 'TeamMemberPayload';
  /** The team membership. */
  member: TeamMember;
};

/** The team a mutation changed. */
export type TeamPayload = {
  __typename?: 'TeamPayload';
  /** The team. */
  team: Team;
};

/** A member's role in one team. */
export type TeamRole =
  /** Manages this team: renames it, adds organization members to it, changes their team role, removes them. */
  | 'TEAM_ADMIN'
  /** Belongs to the team (and so holds its project grants); no team management. */
  | 'TEAM_MEMBER';

/** Whose organization role to change, and to what. */
export type UpdateMemberRoleInput = {
  /** The organization. */
  organizationId: Scalars['ID']['input'];
  /** To or from OWNER needs OWNERS_MANAGE. */
  role: OrganizationRole;
  /** The member whose role changes. */
  userId: Scalars['ID']['input'];
};

/** The organization's settings to change; omitted fields stay as they are. */
export type UpdateOrganizationInput = {
  /** ISO 3166-1 alpha-2; null clears it. */
  country?: InputMaybe<Scalars['String']['input']>;
  /** Set to null or "" to clear. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 3 to 39 lowercase letters, digits and single hyphens; free among every current and former moniker (else CONFLICT). */
  moniker?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Where notifications go once confirmed: setting it mails that address a link (<PUBLIC_URL>/verify-email?token=), and until verifyEmail takes it notifications go to each owner; null sends them to each owner. */
  notificationEmail?: InputMaybe<Scalars['String']['input']>;
  /** The organization. */
  organizationId: Scalars['ID']['input'];
};

/** The project's settings to change; omitted fields stay as they are. */
export type UpdateProjectInput = {
  /** Set to null or "" to clear. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The project. */
  projectId: Scalars['ID']['input'];
};

/** The custom role's fields to change; omitted fields stay as they are. */
export type UpdateRoleInput = {
  /** Set to null or "" to clear. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 characters; unique in the organization (else CONFLICT) and not a built-in role's name after NFKC and case folding (else BAD_USER_INPUT). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the set; must include PROJECT_VIEW. */
  permissions?: InputMaybe<Array<ProjectPermission>>;
  /** A custom role; built-in roles cannot be changed (FORBIDDEN). */
  roleId: Scalars['ID']['input'];
};

/** The team's fields to change; omitted fields stay as they are. */
export type UpdateTeamInput = {
  /** Set to null or "" to clear. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 characters, unique in the organization. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The team. */
  teamId: Scalars['ID']['input'];
};

/** Whose team role to change, and to what. */
export type UpdateTeamMemberRoleInput = {
  /** The new team role. */
  role: TeamRole;
  /** The team. */
  teamId: Scalars['ID']['input'];
  /** A member of the team. */
  userId: Scalars['ID']['input'];
};

/** Changes to a webhook; omitted fields stay as they are. */
export type UpdateWebhookInput = {
  /** The actions to receive: exact (`member.invited`), a family (`member.*`) or `*` for all; 1 to 50. */
  actions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Set to null or "" to clear. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** False stops new deliveries; true starts them again (and forgets past failures). */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new URL, checked as at creation. */
  url?: InputMaybe<Scalars['String']['input']>;
  /** The webhook to change. */
  webhookId: Scalars['ID']['input'];
};

/** A person with an account. Their email is visible only to themselves and to members holding MEMBERS_MANAGE in a shared organization. */
export type User = {
  __typename?: 'User';
  /** Only on the viewer, with a session (FORBIDDEN with an access token); null elsewhere. The user's access tokens in the organizations they belong to, newest first; never the tokens themselves. */
  accessTokens?: Maybe<AccessTokenConnection>;
  /** Only on the viewer; null elsewhere. With an access token: the token's organization. */
  activeOrganization?: Maybe<Organization>;
  /** Visible to the user, and to members who hold MEMBERS_MANAGE in an organization the user belongs to; null to everyone else. */
  email?: Maybe<Scalars['String']['output']>;
  /** Whether the email is proven (its verification link, a password reset, or accepting an invitation sent to it); null wherever email is null. */
  emailVerified?: Maybe<Scalars['Boolean']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Whether the viewer administers the installation; on the viewer only, null elsewhere. */
  isInstanceAdmin?: Maybe<Scalars['Boolean']['output']>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** Only on the viewer: the organizations the viewer belongs to, oldest membership first. With an access token: only the token's organization. */
  organizations: OrganizationConnection;
  /** Only on the viewer (with a session): the user's live sessions, newest first, `current` marking the one in use; null elsewhere. */
  sessions?: Maybe<SessionConnection>;
};


/** A person with an account. Their email is visible only to themselves and to members holding MEMBERS_MANAGE in a shared organization. */
export type UserAccessTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person with an account. Their email is visible only to themselves and to members holding MEMBERS_MANAGE in a shared organization. */
export type UserOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person with an account. Their email is visible only to themselves and to members holding MEMBERS_MANAGE in a shared organization. */
export type UserSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A verification link to use: an account email or a notification mailbox. */
export type VerifyEmailInput = {
  /** The token of the emailed link (its `token` query parameter). */
  token: Scalars['String']['input'];
};

/** The address a verification link proved. */
export type VerifyEmailPayload = {
  __typename?: 'VerifyEmailPayload';
  /** The verified address. */
  email: Scalars['String']['output'];
  /** Whether it is an account's email or a notification mailbox. */
  kind: EmailVerificationKind;
};

/** An endpoint that receives the organization’s events (CONTRACT.md, Events). Needs WEBHOOKS_MANAGE. */
export type Webhook = {
  __typename?: 'Webhook';
  /** The actions it receives: exact (`member.invited`), a family (`member.*`) or `*` for all. */
  actions: Array<Scalars['String']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Its deliveries, newest first. */
  deliveries: WebhookDeliveryConnection;
  /** Free text for the people who manage it. */
  description?: Maybe<Scalars['String']['output']>;
  /** False: no new deliveries. Set by updateWebhook, or by the server after 3 days of failed deliveries. */
  enabled: Scalars['Boolean']['output'];
  /** The webhook’s id. */
  id: Scalars['ID']['output'];
  /** Where events are POSTed: https:// (http:// only where the server allows it). */
  url: Scalars['String']['output'];
};


/** An endpoint that receives the organization’s events (CONTRACT.md, Events). Needs WEBHOOKS_MANAGE. */
export type WebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One event (or ping) sent to a webhook, with its attempts. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** The event’s action, or `webhook.ping`. */
  action: Scalars['String']['output'];
  /** Attempts made so far. */
  attempts: Scalars['Int']['output'];
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** The delivery’s id; the webhook-id header is `msg_` and this id, the same on every attempt. */
  id: Scalars['ID']['output'];
  /** When the next attempt is due; null when none is. */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The HTTP status of the last answer; null when none came (network error, timeout, refused address). */
  responseStatus?: Maybe<Scalars['Int']['output']>;
  /** Where it stands. */
  status: WebhookDeliveryStatus;
};

/** A page of a webhook’s deliveries, newest first. */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  /** The deliveries of this page. */
  nodes: Array<WebhookDelivery>;
  /** Where this page is. */
  pageInfo: PageInfo;
  /** How many deliveries the webhook has. */
  totalCount: Scalars['Int']['output'];
};

/** A delivery as it now is. */
export type WebhookDeliveryPayload = {
  __typename?: 'WebhookDeliveryPayload';
  /** The delivery. */
  delivery: WebhookDelivery;
};

/** Where a delivery stands. */
export type WebhookDeliveryStatus =
  /** Every attempt failed, or the webhook is gone or disabled; redeliverWebhookDelivery tries again. */
  | 'FAILED'
  /** Not attempted yet (or redelivery asked for). */
  | 'PENDING'
  /** An attempt failed; the next one is due at nextAttemptAt. */
  | 'RETRYING'
  /** The receiver answered 2xx. */
  | 'SUCCEEDED';

/** A webhook as it now is. */
export type WebhookPayload = {
  __typename?: 'WebhookPayload';
  /** The webhook. */
  webhook: Webhook;
};

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { __typename?: 'Mutation', register: { __typename?: 'AuthPayload', token: string, user: { __typename?: 'User', id: string, email?: string | null, name: string }, organization?: { __typename?: 'Organization', id: string, moniker: string, name: string, region: Region, viewerRole?: OrganizationRole | null } | null } };

export type MemberNodesQueryVariables = Exact<{
  moniker: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MemberNodesQuery = { __typename?: 'Query', organization?: { __typename?: 'Organization', id: string, members: { __typename?: 'MemberConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, nodes: Array<{ __typename?: 'Member', role: OrganizationRole, user: { __typename?: 'User', id: string, name: string } }> }, projects: { __typename?: 'ProjectConnection', nodes: Array<{ __typename?: 'Project', id: string, name: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } }, invitations: { __typename?: 'InvitationConnection', nodes: Array<{ __typename?: 'Invitation', id: string, email: string, status: InvitationStatus }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } }, auditLog: { __typename?: 'AuditEventConnection', nodes: Array<{ __typename?: 'AuditEvent', id: string, action: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } } | null };


export const RegisterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Register"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"moniker"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterMutation, RegisterMutationVariables>;
export const MemberNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberNodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"moniker"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"moniker"},"value":{"kind":"Variable","name":{"kind":"Name","value":"moniker"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MemberNodesQuery, MemberNodesQueryVariables>;