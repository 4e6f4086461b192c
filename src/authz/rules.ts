import { rule } from 'graphql-shield';
import type { IRule } from 'graphql-shield/typings/types';
import type { Context } from '../graphql/context';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../common/errors';
import { isUuid } from '../common/ids';
import { pairKey } from '../db/loader-utils';
import { OrganizationPermission, ProjectPermission } from './enums';
import { canAdministerInstance, canCreateAccessToken, canManageTeam } from './policies';
import { isBuiltInRoleId } from './policy-table';

/**
 * Thin graphql-shield rules over Access, which reads the request's loaders and the pure
 * policies. Rules return (never throw) their refusal, so its code reaches the client.
 */
async function outcome(check: () => Promise<unknown>): Promise<true | Error> {
  try {
    await check();
    return true;
  } catch (error) {
    return error as Error;
  }
}

export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })((_parent, _args, ctx: Context) =>
  ctx.viewer ? true : new UnauthenticatedError(),
);

/**
 * FORBIDDEN with an access token (CONTRACT.md, Access tokens): what SESSION_ONLY in shield.ts
 * lists needs a signed-in session. `when` limits it to some arguments (logout's allSessions).
 */
export const requiresSession = (field: string, when?: (args: Record<string, unknown>) => boolean): IRule =>
  rule(`session-only:${field}`, { cache: 'no_cache' })((_parent, args: Record<string, unknown>, ctx: Context) =>
    ctx.access.scope && (when?.(args) ?? true) ? new ForbiddenError('Not with an access token: this needs a signed-in session.') : true,
  );

/**
 * createAccessToken: a member of the organization the input names (NOT_FOUND otherwise) who
 * holds now every permission the token would list (canCreateAccessToken, FORBIDDEN otherwise),
 * checked before the input's own rules as every permission is.
 */
export const inputAccessTokenPermissionsHeld = rule('input:access-token-permissions-held', { cache: 'no_cache' })(
  (_parent, args: { input?: Input }, ctx: Context) =>
    outcome(async () => {
      const viewerId = ctx.access.requireViewer();
      const organizationId = await organizationOfInput(args.input, 'organizationId', ctx);
      if (!organizationId) throw new NotFoundError();
      const role = await ctx.access.requireOrganization(organizationId);
      const granted = await ctx.loaders.projectPermissionsGrantedInOrganization.load(pairKey(organizationId, viewerId));
      const listed = (key: string) => (Array.isArray(args.input?.[key]) ? (args.input[key] as never[]) : []);
      if (
        !canCreateAccessToken(role, [granted], { organizationPermissions: listed('organizationPermissions'), projectPermissions: listed('projectPermissions') })
      )
        throw new ForbiddenError('An access token can list only permissions you hold.');
    }),
);

/** An instance administrator (canAdministerInstance); everyone else signed in is FORBIDDEN. */
export const isInstanceAdministrator = rule('isInstanceAdministrator', { cache: 'contextual' })((_parent, _args, ctx: Context) => {
  if (!ctx.viewer) return new UnauthenticatedError();
  return canAdministerInstance(ctx.viewer.user, ctx.access.scope) ? true : new ForbiddenError('Only instance administrators may do this.');
});

type Input = Record<string, unknown> | undefined;

/** graphql-shield wants one rule object per name: each factory hands out one rule per arguments. */
function once<A extends string[]>(make: (...args: A) => IRule): (...args: A) => IRule {
  const made = new Map<string, IRule>();
  return (...args) => {
    const key = args.join(':');
    if (!made.has(key)) made.set(key, make(...args));
    return made.get(key)!;
  };
}

/**
 * How a rule finds the organization a mutation addresses: the input field it reads, and where
 * the id found there leads. Each rule names its locator in the rule tree; a missing or
 * malformed id resolves to null, which reads as NOT_FOUND.
 */
const ORGANIZATION_LOCATORS = {
  organizationId: async (id: string) => id,
  invitationId: async (id: string, ctx: Context) => (await ctx.loaders.invitationById.load(id))?.organizationId ?? null,
  teamId: async (id: string, ctx: Context) => (await ctx.loaders.teamById.load(id))?.organizationId ?? null,
  // Built-in roles belong to no organization, so they read as NOT_FOUND here (see builtInRolesAreFixed).
  roleId: async (id: string, ctx: Context) => (await ctx.loaders.roleById.load(id))?.organizationId ?? null,
  webhookId: async (id: string, ctx: Context) => (await ctx.loaders.webhookById.load(id))?.organizationId ?? null,
  deliveryId: async (id: string, ctx: Context) => (await ctx.loaders.webhookDeliveryById.load(id))?.organizationId ?? null,
} satisfies Record<string, (id: string, ctx: Context) => Promise<string | null>>;

/** The input field a rule finds its organization through. */
export type OrganizationLocator = keyof typeof ORGANIZATION_LOCATORS;

async function organizationOfInput(input: Input, via: OrganizationLocator, ctx: Context): Promise<string | null> {
  const id = input?.[via];
  return isUuid(id) ? ORGANIZATION_LOCATORS[via](id, ctx) : null;
}

/** Needs `permission` in the organization the mutation's input addresses through the field `via`. */
export const inputOrganizationPermission = once((permission: OrganizationPermission, via: OrganizationLocator): IRule =>
  rule(`input:${via}:${permission}`, { cache: 'no_cache' })((_parent, args: { input?: Input }, ctx: Context) =>
    outcome(async () => {
      if (!ctx.viewer) throw new UnauthenticatedError();
      const organizationId = await organizationOfInput(args.input, via, ctx);
      if (!organizationId) throw new NotFoundError();
      await ctx.access.requireOrganization(organizationId, permission);
    }),
  ),
);

/** Needs `permission` in the organization a field's parent (an Organization) is. */
export const parentOrganizationPermission = once((permission: OrganizationPermission): IRule =>
  rule(`parent:${permission}`, { cache: 'no_cache' })((parent: { id: string }, _args, ctx: Context) =>
    outcome(() => ctx.access.requireOrganization(parent.id, permission)),
  ),
);

/** Needs `permission` in the organization named by the field's `organizationId` argument (subscriptions). */
export const argumentOrganizationPermission = once((permission: OrganizationPermission): IRule =>
  rule(`argument:${permission}`, { cache: 'no_cache' })((_parent, args: { organizationId?: unknown }, ctx: Context) =>
    outcome(() => ctx.access.requireOrganization(typeof args.organizationId === 'string' ? args.organizationId : '', permission)),
  ),
);

/** Needs `permission` in the organization that holds the field's parent (a row with an organizationId). */
export const parentRowOrganizationPermission = once((permission: OrganizationPermission): IRule =>
  rule(`parent-row:${permission}`, { cache: 'no_cache' })((parent: { organizationId: string }, _args, ctx: Context) =>
    outcome(() => ctx.access.requireOrganization(parent.organizationId, permission)),
  ),
);

/**
 * Manages the team the mutation's input names (input.teamId): TEAMS_MANAGE in its organization,
 * or TEAM_ADMIN of that team (canManageTeam). NOT_FOUND outside the organization.
 */
export const inputTeamManagement = rule('input:team-management', { cache: 'no_cache' })((_parent, args: { input?: Input }, ctx: Context) =>
  outcome(async () => {
    const viewerId = ctx.access.requireViewer();
    const teamId = args.input?.teamId as string | undefined;
    const team = isUuid(teamId) ? await ctx.loaders.teamById.load(teamId) : null;
    const organizationRole = team ? await ctx.access.organizationRole(team.organizationId) : null;
    if (!team || !organizationRole) throw new NotFoundError();
    const teamRole = (await ctx.loaders.teamMembership.load(pairKey(team.id, viewerId)))?.role ?? null;
    if (!canManageTeam(organizationRole, teamRole, ctx.access.scope)) throw new ForbiddenError();
  }),
);

/** Needs `permission` on the project a mutation's input names. */
export const inputProjectPermission = once((permission: ProjectPermission): IRule =>
  rule(`project-input:${permission}`, { cache: 'no_cache' })((_parent, args: { input?: Input }, ctx: Context) =>
    outcome(() => ctx.access.requireProject(typeof args.input?.projectId === 'string' ? args.input.projectId : '', permission)),
  ),
);

/** Needs `permission` on the project that is the field's parent. */
export const parentProjectPermission = once((permission: ProjectPermission): IRule =>
  rule(`project-parent:${permission}`, { cache: 'no_cache' })((parent: { id: string }, _args, ctx: Context) =>
    outcome(() => ctx.access.requireProject(parent.id, permission)),
  ),
);

/**
 * Built-in roles are shared by every organization and never change: updating or deleting one
 * is FORBIDDEN for everyone. Their ids are public, so saying so leaks nothing.
 */
export const builtInRolesAreFixed = rule('builtInRolesAreFixed', { cache: 'no_cache' })((_parent, args: { input?: { roleId?: unknown } }, ctx: Context) => {
  if (!ctx.viewer) return new UnauthenticatedError();
  return isBuiltInRoleId(args.input?.roleId) ? new ForbiddenError('Built-in roles cannot be changed or deleted.') : true;
});
