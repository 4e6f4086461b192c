import type { ModuleRegistration } from '../../graphql/module';
import { createMemberLoaders } from './member.loaders';
import { MemberResolver, OrganizationMembersResolver } from './member.resolver';
import { MemberService, type MemberDeps } from './member.service';
import { Membership } from './membership.entity';
import { UserResolver } from './user.resolver';

export const membersModule = {
  entities: [Membership],
  resolvers: [MemberResolver, OrganizationMembersResolver, UserResolver],
  loaders: createMemberLoaders,
  service: (deps: MemberDeps) => new MemberService(deps),
} satisfies ModuleRegistration<MemberDeps, MemberService>;

declare module '../../graphql/context' {
  interface Loaders extends ReturnType<typeof createMemberLoaders> {}
  interface Services {
    members: MemberService;
  }
}
