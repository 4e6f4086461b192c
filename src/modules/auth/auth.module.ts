import type { TokenScope } from '../../authz/policies';
import type { ModuleRegistration } from '../../graphql/module';
import type { ViewerMembership } from './auth.api';
import { createAuthLoaders } from './auth.loaders';
import { AuthResolver, SessionResolver, SessionsResolver } from './auth.resolver';
import { AuthService, type AuthDeps } from './auth.service';
import { Session } from './session.entity';
import { User } from './user.entity';

export const authModule = {
  entities: [User, Session],
  resolvers: [AuthResolver, SessionsResolver, SessionResolver],
  loaders: createAuthLoaders,
  service: (deps: AuthDeps) => new AuthService(deps),
} satisfies ModuleRegistration<AuthDeps, AuthService>;

declare module '../../graphql/context' {
  interface Viewer {
    user: User;
    /** The session the request signed in with; null with an access token. */
    sessionId: string | null;
    /** With an access token, what it reaches (CONTRACT.md, Access tokens); null with a session. */
    scope: TokenScope | null;
    /** The viewer's memberships, read in the same statement as the credential; null where they were not (they are loaded when asked). */
    memberships: ReadonlyArray<ViewerMembership> | null;
  }
  interface Loaders extends ReturnType<typeof createAuthLoaders> {}
  interface Services {
    auth: AuthService;
  }
}
