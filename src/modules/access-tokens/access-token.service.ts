import type { DataSource } from 'typeorm';
import type { TokenScope } from '../../authz/policies';
import type { AuditRecorder } from '../../common/audit';
import { ConflictError, NotFoundError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { trimmed } from '../../common/text';
import { newToken, tokenHash } from '../../common/tokens';
import { isUniqueViolation } from '../../db/pg-errors';
import { sqlChange } from '../../db/sql';
import type { Viewer } from '../../graphql/context';
import { viewerMemberships, viewerMembershipsColumn } from '../auth/auth.api';
import { ACCESS_TOKEN_PREFIX } from './access-token.api';
import { ACCESS_TOKEN_NAME_INDEX, AccessToken } from './access-token.entity';
import { ACCESS_TOKEN_DAYS_DEFAULT, type CreateAccessTokenInput } from './access-token.inputs';

const DAY_MS = 24 * 3600 * 1000;

export interface AccessTokenDeps {
  dataSource: DataSource;
  audit: AuditRecorder;
}

/**
 * Personal access tokens (CONTRACT.md, Access tokens): the access_tokens table is written here
 * only. Whether the creator holds what a token lists is the shield rule's (canCreateAccessToken);
 * what a token may do at each request is the pure policies' (TokenScope).
 */
export class AccessTokenService {
  constructor(private readonly deps: AccessTokenDeps) {}

  /** Returns the token once; only its hash is stored. Audited as access_token.created in the token's organization. */
  async create(userId: string, input: CreateAccessTokenInput): Promise<{ token: string; accessToken: AccessToken }> {
    const token = `${ACCESS_TOKEN_PREFIX}${newToken()}`;
    return this.deps.dataSource.transaction(async (em) => {
      let accessToken: AccessToken;
      try {
        accessToken = await em.save(
          em.create(AccessToken, {
            userId,
            organizationId: input.organizationId,
            name: trimmed(input.name),
            tokenHash: tokenHash(token),
            organizationPermissions: [...new Set(input.organizationPermissions)],
            projectPermissions: [...new Set(input.projectPermissions)],
            expiresAt: new Date(Date.now() + (input.expiresInDays ?? ACCESS_TOKEN_DAYS_DEFAULT) * DAY_MS),
            lastUsedAt: null,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error, ACCESS_TOKEN_NAME_INDEX)) throw new ConflictError('You already have an access token with this name.');
        throw error;
      }
      await this.deps.audit.record(em, {
        organizationId: accessToken.organizationId,
        actorId: userId,
        action: 'access_token.created',
        targetType: 'AccessToken',
        targetId: accessToken.id,
        data: {
          name: accessToken.name,
          organizationPermissions: accessToken.organizationPermissions,
          projectPermissions: accessToken.projectPermissions,
          expiresAt: accessToken.expiresAt.toISOString(),
        },
      });
      return { token, accessToken };
    });
  }

  /** Deletes one of the user's tokens (refused from then on); another user's, or none, is NOT_FOUND. Audited as access_token.revoked. */
  async revoke(userId: string, accessTokenId: string): Promise<void> {
    if (!isUuid(accessTokenId)) throw new NotFoundError();
    await this.deps.dataSource.transaction(async (em) => {
      const { rows } = await sqlChange<{ id: string; organization_id: string; name: string }>(
        em,
        `DELETE FROM access_tokens WHERE id = $1 AND user_id = $2 RETURNING id, organization_id, name`,
        [accessTokenId, userId],
      );
      const [revoked] = rows;
      if (!revoked) throw new NotFoundError();
      await this.deps.audit.record(em, {
        organizationId: revoked.organization_id,
        actorId: userId,
        action: 'access_token.revoked',
        targetType: 'AccessToken',
        targetId: revoked.id,
        data: { name: revoked.name },
      });
    });
  }

  /**
   * The viewer behind an access token, or null when it is unknown, expired, revoked (deleted) or
   * its user disabled. ONE statement, on the primary (an authorization read), as a session's
   * lookup is: the conditional touch of last_used_at (at most once a minute) rides along as a
   * data-modifying CTE, which PostgreSQL runs to completion whether or not the SELECT reads it.
   */
  async viewerForToken(token: string): Promise<Viewer | null> {
    const {
      entities: [accessToken],
      raw: [row],
    } = await this.deps.dataSource.manager
      .createQueryBuilder(AccessToken, 'token')
      .addCommonTableExpression(
        `UPDATE access_tokens SET last_used_at = now()
          WHERE token_hash = :hash AND expires_at > now()
            AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
            AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = access_tokens.user_id AND u.disabled_at IS NOT NULL)
          RETURNING id`,
        'touched',
      )
      .innerJoinAndSelect('token.user', 'user')
      // The viewer's memberships in the same statement, as with a session.
      .addSelect(viewerMembershipsColumn('"user"'), 'viewer_memberships')
      .where('token.tokenHash = :hash AND token.expiresAt > now()', { hash: tokenHash(token) })
      // A disabled account's access tokens are refused at once, as its sessions are.
      .andWhere('user.disabledAt IS NULL')
      .getRawAndEntities<{ viewer_memberships: unknown }>();
    if (!accessToken?.user) return null;
    const scope: TokenScope = {
      accessTokenId: accessToken.id,
      organizationId: accessToken.organizationId,
      organizationPermissions: accessToken.organizationPermissions,
      projectPermissions: accessToken.projectPermissions,
    };
    return { user: accessToken.user, sessionId: null, scope, memberships: viewerMemberships(accessToken.user.id, row.viewer_memberships) };
  }
}
