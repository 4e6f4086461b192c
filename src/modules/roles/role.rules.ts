import { rule } from 'graphql-shield';
import type { Context } from '../../graphql/context';
import { ForbiddenError, UnauthenticatedError } from '../../graphql/errors';
import { isBuiltInRoleId } from './role.service';

/**
 * Built-in roles are shared by every organization and never change: updating or deleting one
 * is FORBIDDEN for everyone. Their ids are public, so saying so leaks nothing.
 */
export const builtInRolesAreFixed = rule('builtInRolesAreFixed', { cache: 'no_cache' })((_parent, args: { input?: { roleId?: unknown } }, ctx: Context) => {
  if (!ctx.viewer) return new UnauthenticatedError();
  return isBuiltInRoleId(args.input?.roleId) ? new ForbiddenError('Built-in roles cannot be changed or deleted.') : true;
});
