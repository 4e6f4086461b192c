import type { ModuleRegistration } from '../../graphql/module';
import { AccountToken } from './account-token.entity';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService, type AccountsDeps } from './accounts.service';

/** Account links: email verification, password reset, email change and the notification mailbox's confirmation. */
export const accountsModule = {
  entities: [AccountToken],
  resolvers: [AccountsResolver],
  service: (deps: AccountsDeps) => new AccountsService(deps),
} satisfies ModuleRegistration<AccountsDeps, AccountsService>;

declare module '../../graphql/context' {
  interface Services {
    accounts: AccountsService;
  }
}
