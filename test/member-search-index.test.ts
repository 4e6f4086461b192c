import { startTestServer, type TestServer } from './support/server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

it('member search (ILIKE substring on name or email) can use the trigram indexes', async () => {
  const plan: Array<{ 'QUERY PLAN': string }> = await api.server.database.dataSource.transaction(async (em) => {
    // With few rows the planner prefers a scan; forbidding it shows whether an index can serve.
    await em.query('SET LOCAL enable_seqscan = off');
    return em.query(`EXPLAIN SELECT id FROM users WHERE name ILIKE $1 OR email ILIKE $1`, ['%smith%']);
  });
  const text = plan.map((row) => row['QUERY PLAN']).join('\n');
  expect(text).toContain('users_name_trgm');
  expect(text).toContain('users_email_trgm');
});
