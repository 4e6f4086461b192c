import { type EntityManager } from 'typeorm';
import type { OrganizationRole } from '../../authz/enums';
import { memo } from '../../common/memo';
import { containsPattern, searchTerm } from '../../common/text';
import { pageLoaders, pagesPerParent } from '../../db/batched-pages';
import { entityColumns, entityFromRow, entityFromTuple, entityTuple } from '../../db/entity-rows';
import { groupLoader, pairKey, rowLoader, splitPairs } from '../../db/loader-utils';
import { User } from '../auth/user.entity';
import { Membership } from './membership.entity';

export interface MemberFilter {
  search: string | null;
  role: OrganizationRole | null;
}

/** The members filter as the page reads it: `search` trimmed (empty is none) and at most 320 characters. */
export function memberFilter(search: string | null | undefined, role: OrganizationRole | null | undefined): MemberFilter {
  return { search: searchTerm(search), role: role ?? null };
}

/** A memberships row as read by raw SQL. */
export const toMembership = (row: Record<string, unknown>): Membership =>
  Object.assign(new Membership(), {
    organizationId: row.organization_id,
    userId: row.user_id,
    role: row.role,
    createdAt: row.created_at,
  });

const USER = 'user__';
/** What no field of User shows, so a page does not carry it (nor parse its timestamps). */
const UNSHOWN_USER_COLUMNS = ['passwordHash', 'createdAt', 'disabledAt'];
/** The teams module's entity, named: this module reads its table in the page's statement but may not import it. */
const TEAM = 'Team';

/** A team a page's `once` read, and its place among them (by name). */
interface RankedTeam {
  team: object;
  rank: number;
}

/** The teams a page's `once` read, by id, made into entities once per response. */
const teamsByResponse = new WeakMap<object, Map<string, RankedTeam>>();
function pageTeams(em: EntityManager, once: unknown): Map<string, RankedTeam> {
  if (!Array.isArray(once)) return new Map();
  return memo(
    teamsByResponse,
    once,
    () => new Map((once as unknown[][]).map((tuple, rank) => [tuple[0] as string, { team: entityFromTuple(em, TEAM, tuple), rank }])),
  );
}

/** A member's teams, by name. */
function teamsOf(ids: string[] | null, teams: Map<string, RankedTeam>): object[] {
  return (ids ?? [])
    .map((id) => teams.get(id))
    .filter((ranked) => ranked !== undefined)
    .sort((a, b) => a.rank - b.rank)
    .map((ranked) => ranked.team);
}

/** Each organization's members matching `filter`, newest membership first: every organization of the response in one query. */
function membersPage(em: EntityManager) {
  return pageLoaders<Membership, MemberFilter>((organizationIds, request, filter) => {
    const params: unknown[] = [];
    const conditions: string[] = [];
    if (filter?.role) conditions.push(`m.role = $${params.push(filter.role) + 1}`);
    if (filter?.search) {
      // Substring matches are served by the users' trigram indexes (migration MemberSearchIndexes).
      const at = `$${params.push(containsPattern(filter.search)) + 1}`;
      conditions.push(`EXISTS (SELECT 1 FROM users u WHERE u.id = m.user_id AND (u.name ILIKE ${at} ESCAPE '\\' OR u.email ILIKE ${at} ESCAPE '\\'))`);
    }
    // Each member's user and teams come in the same statement: the user by a LEFT JOIN on its key, each
    // member's team ids (JSON: parsed natively, where a uuid[] is parsed in JavaScript), and every team those
    // name once for the whole response (JSON arrays of their columns, by name), so ten teams shared by a
    // hundred members are read and sent ten times, not two hundred.
    return pagesPerParent(em, organizationIds, request, {
      source: `SELECT m.organization_id AS parent_id, m.created_at, m.user_id AS tie_id, m.role,
                      ${entityColumns(em, User, 'u', USER, UNSHOWN_USER_COLUMNS)},
                      (SELECT json_agg(tm.team_id) FROM team_members tm
                        WHERE tm.organization_id = m.organization_id AND tm.user_id = m.user_id) AS member_team_ids
                 FROM memberships m LEFT JOIN users u ON u.id = m.user_id
                WHERE m.organization_id = ANY($1::uuid[])${conditions.map((c) => ` AND ${c}`).join('')}`,
      params,
      once: `(SELECT json_agg(${entityTuple(em, TEAM, 't')} ORDER BY t.name, t.id)
                FROM teams t WHERE t.id IN (SELECT DISTINCT json_array_elements_text(page.member_team_ids)::uuid FROM page))`,
      // Unfiltered, the count kept per organization (migration MemberCounts); filtered, the matching memberships.
      total:
        conditions.length === 0
          ? `coalesce((SELECT mc.members FROM member_counts mc WHERE mc.organization_id = p.page_parent_id), 0)`
          : `(SELECT count(*) FROM memberships m WHERE m.organization_id = p.page_parent_id${conditions.map((c) => ` AND ${c}`).join('')})`,
      toNode: (row, once) =>
        Object.assign(new Membership(), {
          organizationId: row.parent_id,
          userId: row.tie_id,
          role: row.role,
          createdAt: row.created_at,
          user: entityFromRow(em, User, row, USER, UNSHOWN_USER_COLUMNS) ?? undefined,
          pageTeams: teamsOf(row.member_team_ids as string[] | null, pageTeams(em, once)),
        }),
    });
  });
}

/** Each user's memberships, oldest first (the order of `User.organizations`): every user of the response in one query. */
function membershipsOfUserPage(em: EntityManager) {
  return pageLoaders<Membership>((userIds, request, onlyOrganizationId) =>
    pagesPerParent(em, userIds, request, {
      source: `SELECT m.user_id AS parent_id, m.created_at, m.organization_id AS tie_id, m.organization_id, m.user_id, m.role
                 FROM memberships m WHERE m.user_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR m.organization_id = $2::uuid)`,
      params: [onlyOrganizationId ?? null],
      order: 'ASC',
      toNode: toMembership,
    }),
  );
}

export function createMemberLoaders(em: EntityManager) {
  return {
    /** Key: pairKey(organizationId, userId). */
    membership: rowLoader(
      (keys: readonly string[]) => {
        const [organizationIds, userIds] = splitPairs(keys);
        return em
          .createQueryBuilder(Membership, 'm')
          .where('(m.organization_id, m.user_id) IN (SELECT * FROM unnest(CAST(:organizationIds AS uuid[]), CAST(:userIds AS uuid[])))', {
            organizationIds,
            userIds,
          })
          .getMany();
      },
      (m) => pairKey(m.organizationId, m.userId),
    ),
    /** The organizations a user belongs to, oldest membership first. */
    membershipsByUser: groupLoader(
      (userIds: readonly string[]) =>
        em
          .createQueryBuilder(Membership, 'm')
          .where('m.user_id = ANY(:userIds)', { userIds })
          .orderBy('m.created_at', 'ASC')
          .addOrderBy('m.organization_id', 'ASC')
          .getMany(),
      (m) => m.userId,
    ),
    /** Use as membersPage(request, memberFilter(search, role)).load(organizationId). */
    membersPage: membersPage(em),
    /** Use as membershipsOfUserPage(request, onlyOrganizationId?).load(userId): every membership of the user, or only the one in that organization. */
    membershipsOfUserPage: membershipsOfUserPage(em),
    /**
     * pairKey(organizationId, userId) of every membership a members page of this request listed:
     * `User.email` learns from it that the user is a member there without asking again.
     */
    listedMemberships: new Set<string>(),
  };
}
