import type { ModuleRegistration } from '../../graphql/module';
import { MailService } from './mail.service';

/** Mail has no GraphQL and no tables of its own (pg-boss keeps the queue); the root starts its queue and worker. */
export const mailModule = {
  entities: [],
  resolvers: [],
  service: () => new MailService(),
} satisfies ModuleRegistration<void, MailService>;

declare module '../../graphql/context' {
  interface Services {
    mail: MailService;
  }
}
