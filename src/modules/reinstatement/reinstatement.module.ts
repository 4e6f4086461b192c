import type { ModuleRegistration } from '../../graphql/module';
import { MemberRemoval } from './member-removal.entity';
import { ReinstatementService, type ReinstatementDeps } from './reinstatement.service';

export const reinstatementModule = {
  entities: [MemberRemoval],
  resolvers: [],
  service: (deps: ReinstatementDeps) => new ReinstatementService(deps),
} satisfies ModuleRegistration<ReinstatementDeps, ReinstatementService>;

declare module '../../graphql/context' {
  interface Services {
    reinstatement: ReinstatementService;
  }
}
