import { Field, ObjectType } from 'type-graphql';
import { Organization } from '../organizations/organization.entity';
import { User } from './user.entity';

@ObjectType({ description: 'A new session: its token, the signed-in user and an organization.' })
export class AuthPayload {
  @Field(() => String, { description: 'The session token: send it as `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => User, { description: 'The signed-in user.' })
  user: User;

  @Field(() => Organization, { nullable: true, description: 'The new organization (register) or the active one (login).' })
  organization: Organization | null;
}

@ObjectType({ description: 'The result of logout.' })
export class LogoutPayload {
  @Field(() => Boolean, { description: 'True once the sessions have ended; false with an access token, which has no session to end.' })
  loggedOut: boolean;
}

@ObjectType({ description: 'The viewer with their new active organization.' })
export class SwitchOrganizationPayload {
  @Field(() => User, { description: 'The viewer, whose activeOrganization is now the chosen one.' })
  viewer: User;
}
