/**
 * The hand-written baseline the benchmark compares Orgraph's members page with: node:http and
 * pg, the same session check (SHA-256 of the bearer token, unexpired session), and ONE SQL
 * statement that checks membership and builds the whole `data` with json_agg. It answers only
 * the members page (variables `moniker` and `first`); the query text is not parsed.
 * Run as `node dist/bench/baseline.js` with DATABASE_URL and PORT; prints `listening <port>`.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { Pool } from 'pg';

const MEMBERS_PAGE = `
WITH viewer AS (SELECT s.user_id FROM sessions s WHERE s.token_hash = $1 AND s.expires_at > now()),
     org AS (SELECT om.organization_id AS id FROM organization_monikers om WHERE om.moniker = lower($2)),
     member AS (SELECT m.role FROM memberships m JOIN viewer v ON v.user_id = m.user_id JOIN org o ON o.id = m.organization_id)
SELECT authenticated, data::text AS data FROM (
SELECT EXISTS (SELECT 1 FROM viewer) AS authenticated,
       (SELECT json_build_object('organization', json_build_object('members', json_build_object(
          'totalCount', (SELECT count(*) FROM memberships c WHERE c.organization_id = o.id),
          'edges', COALESCE((
            SELECT json_agg(json_build_object('node', json_build_object(
                     'role', p.role,
                     'joinedAt', to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                     'user', json_build_object('id', u.id, 'name', u.name,
                                               'email', CASE WHEN (SELECT role FROM member) IN ('OWNER', 'ADMIN') THEN u.email END),
                     'teams', (SELECT COALESCE(json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name, t.id), '[]'::json)
                                 FROM team_members tm JOIN teams t ON t.id = tm.team_id
                                WHERE tm.organization_id = p.organization_id AND tm.user_id = p.user_id)))
                   ORDER BY p.created_at DESC, p.user_id DESC)
              FROM (SELECT * FROM memberships m WHERE m.organization_id = o.id ORDER BY m.created_at DESC, m.user_id DESC LIMIT $3) p
              JOIN users u ON u.id = p.user_id), '[]'::json))))
          FROM org o WHERE EXISTS (SELECT 1 FROM member)) AS data) answer`;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

function send(res: import('node:http').ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      try {
        const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
        if (!token) return send(res, 401, '{"errors":[{"message":"Unauthenticated.","extensions":{"code":"UNAUTHENTICATED"}}]}');
        const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: { moniker: string; first?: number } };
        const hash = createHash('sha256').update(token, 'utf8').digest();
        const { rows } = await pool.query<{ authenticated: boolean; data: string | null }>(MEMBERS_PAGE, [hash, variables.moniker, variables.first ?? 20]);
        if (!rows[0].authenticated) return send(res, 401, '{"errors":[{"message":"Unauthenticated.","extensions":{"code":"UNAUTHENTICATED"}}]}');
        if (rows[0].data === null)
          return send(res, 200, '{"errors":[{"message":"Not found.","extensions":{"code":"NOT_FOUND"}}],"data":{"organization":null}}');
        send(res, 200, `{"data":${rows[0].data}}`);
      } catch (error) {
        console.error(error);
        send(res, 500, '{"errors":[{"message":"Internal server error.","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}');
      }
    })();
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.once('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
