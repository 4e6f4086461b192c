import type { ModuleRegistration } from '../../graphql/module';
import { AccessToken } from './access-token.entity';
import { createAccessTokenLoaders } from './access-token.loaders';
import { AccessTokenResolver, UserAccessTokensResolver } from './access-token.resolver';
import { AccessTokenService, type AccessTokenDeps } from './access-token.service';

export const accessTokensModule = {
  entities: [AccessToken],
  resolvers: [AccessTokenResolver, UserAccessTokensResolver],
  loaders: createAccessTokenLoaders,
  service: (deps: AccessTokenDeps) => new AccessTokenService(deps),
} satisfies ModuleRegistration<AccessTokenDeps, AccessTokenService>;

declare module '../../graphql/context' {
  interface Loaders extends ReturnType<typeof createAccessTokenLoaders> {}
  interface Services {
    accessTokens: AccessTokenService;
  }
}
