import { Field, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../graphql/pagination';
import { AccessToken } from './access-token.entity';

export const AccessTokenConnection = connectionTypes(AccessToken, 'AccessToken');

@ObjectType({ description: 'A new access token, and the token itself.' })
export class CreateAccessTokenPayload {
  @Field(() => String, {
    description: 'The token (`orgraph_pat_` and 43 random characters), shown this once: send it as `Authorization: Bearer <token>`. Only its hash is kept.',
  })
  token: string;

  @Field(() => AccessToken, { description: 'The access token as viewer.accessTokens lists it.' })
  accessToken: AccessToken;
}

@ObjectType({ description: 'The result of revokeAccessToken.' })
export class RevokeAccessTokenPayload {
  @Field(() => Boolean, { description: 'True: the token is refused from now on (HTTP 401).' })
  revoked: boolean;
}
