import { Field, ObjectType } from 'type-graphql';
import { Organization } from '../organizations/organization.entity';
import { User } from './user.entity';

@ObjectType()
export class AuthPayload {
  @Field(() => String, { description: 'The session token: send it as `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => User)
  user: User;

  @Field(() => Organization, { nullable: true, description: 'The new organization (register) or the active one (login).' })
  organization: Organization | null;
}

@ObjectType()
export class LogoutPayload {
  @Field(() => Boolean)
  loggedOut: boolean;
}

@ObjectType()
export class SwitchOrganizationPayload {
  @Field(() => User)
  viewer: User;
}
