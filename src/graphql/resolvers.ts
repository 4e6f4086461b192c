import type { NonEmptyArray } from 'type-graphql';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { UserResolver } from '../modules/auth/user.resolver';
import { OrganizationResolver } from '../modules/organizations/organization.resolver';

/** Every module's resolvers. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [AuthResolver, UserResolver, OrganizationResolver];
