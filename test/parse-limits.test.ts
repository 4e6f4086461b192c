import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getIntrospectionQuery, Kind, parse, print } from 'graphql';
import { createSchema } from '../src/app/schema';
import { documentRefusal } from '../src/http/limits';
import { registerUser } from './support/factories';
import { dataOf, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

/**
 * Documents that used to hold the event loop for seconds (graphql-js's overlap validation is
 * quadratic) are refused before validation, naming the limit. How long a refusal takes is
 * measured by `npm run bench`, not asserted here.
 */

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

const times = (text: string, n: number) => Array.from({ length: n }, () => text).join(' ');

async function post(query: string): Promise<{ status: number; body: GraphQLResponse<any> }> {
  const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as GraphQLResponse<any> };
}

async function expectRefused(query: string, code: string, limit: RegExp) {
  const { status, body } = await post(query);
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  expect(body.errors![0].extensions?.code).toBe(code);
  expect(body.errors![0].message).toMatch(limit);
  expect(body.errors![0].message).not.toMatch(/Syntax Error/);
}

const DASHBOARD = `{ viewer { organizations(first: 20) { edges { node {
  id name viewerRole viewerPermissions teams { id name } projects(first: 20) { totalCount
  edges { node { id name viewerPermissions } } } } } } } }`;

describe('limits on a document, before it is validated', () => {
  it('refuses 16,000 repeated fields (48 KB) by the 2,000-token limit', async () => {
    const query = `{ viewer { ${times('id', 16_000)} } }`;
    expect(query.length).toBeGreaterThan(48_000);
    await expectRefused(query, 'GRAPHQL_PARSE_FAILED', /Tokens limit of 2000/);
  });

  it('refuses a field repeated more than 10 times at one place of the response, even within 2,000 tokens', async () => {
    await expectRefused(`{ viewer { ${times('id', 1990)} } }`, 'GRAPHQL_VALIDATION_FAILED', /Repeated fields limit of 10 exceeded: "viewer.id"/);
    // The same field merged from fragments and nested selections counts every time.
    await expectRefused(`{ ${times('viewer { id id id }', 4)} }`, 'GRAPHQL_VALIDATION_FAILED', /"viewer.id" is selected 12 times/);
    const fragments = ['A', 'B', 'C'].map((name) => `fragment ${name} on User { ${times('id', 4)} }`).join(' ');
    await expectRefused(`{ viewer { ...A ...B ... on User { ...C } } } ${fragments}`, 'GRAPHQL_VALIDATION_FAILED', /"viewer.id" is selected 12 times/);
    await expectRefused(
      `{ ${times(`viewer { ${times(`activeOrganization { ${times('id', 10)} }`, 10)} }`, 10)} }`,
      'GRAPHQL_VALIDATION_FAILED',
      /"viewer.activeOrganization"/,
    );
    expect(dataOf(await api.exec(`{ ${times('__typename', 10)} viewer { id } }`)).__typename).toBe('Query');
  });

  it('refuses 2,000 spreads of one fragment, and more than 100 within the token limit', async () => {
    await expectRefused(`{ viewer { ${times('...F', 2000)} } } fragment F on User { id }`, 'GRAPHQL_PARSE_FAILED', /Tokens limit/);
    await expectRefused(
      `{ viewer { ${times('...F', 101)} } } fragment F on User { id }`,
      'GRAPHQL_VALIDATION_FAILED',
      /Fragment spreads limit of 100 exceeded, found 101/,
    );
    expect(dataOf(await api.exec(`{ viewer { ${times('...F', 100)} } } fragment F on User { id }`)).viewer).toBeNull();
  });

  it('leaves fragment cycles to graphql-js, which refuses them', async () => {
    const { status, body } = await post(
      `{ viewer { ...A } } fragment A on User { activeOrganization { teams { organization { id } } } ...B } fragment B on User { ...A }`,
    );
    expect(status).toBe(400);
    expect(body.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors![0].message).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it('counts __typename among the 30 aliases', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ');
    await expectRefused(`{ ${aliases(300)} }`, 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 30 exceeded, found 300/);
    await expectRefused(`{ ${aliases(31)} }`, 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 30 exceeded, found 31/);
    expect(dataOf(await api.exec(`{ ${aliases(30)} }`)).a29).toBe('Query');
  });

  it('refuses more than 15 levels, introspection included, and serves the full introspection query', async () => {
    const nest = (n: number): string => (n === 1 ? 'id' : `activeOrganization { teams { organization { ${nest(n - 3)} } } }`);
    await expectRefused(`{ viewer { ${nest(16)} } }`, 'GRAPHQL_VALIDATION_FAILED', /depth limit of 15 exceeded/);
    await expectRefused(
      `{ __schema { types { ${'fields { type { '.repeat(7)} name ${'} } '.repeat(7)} } } }`,
      'GRAPHQL_VALIDATION_FAILED',
      /depth limit of 15/,
    );
    const introspection = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    expect(dataOf(await api.exec(introspection)).__schema.queryType.name).toBe('Query');
  });

  it('refuses more than 50 directives and documents over the cost limit', async () => {
    await expectRefused(`{ viewer { id ${times('@include(if: true)', 51)} } }`, 'GRAPHQL_VALIDATION_FAILED', /Directives limit of 50 exceeded/);
    await expectRefused(
      `{ viewer { organizations(first: 100) { edges { node { projects(first: 100) { edges { node { id name } } } } } } } }`,
      'GRAPHQL_VALIDATION_FAILED',
      /Cost limit of 50000 exceeded/,
    );
  });

  it('accepts the dashboard query', async () => {
    const ann = await registerUser(api);
    const res = await api.exec(DASHBOARD, {}, ann.token);
    expect(dataOf(res).viewer.organizations.edges).toHaveLength(1);
  });

  it('keeps every operation of the contract within the limits', async () => {
    const { schema } = await createSchema();
    const dir = path.resolve('../shared/api/operations');
    const operations = readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .flatMap((f) => parse(readFileSync(path.join(dir, f), 'utf8')).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION));
    expect(operations.length).toBeGreaterThan(50);
    for (const operation of operations) expect([print(operation), documentRefusal(schema, print(operation))]).toEqual([print(operation), null]);
    expect(documentRefusal(schema, DASHBOARD)).toBeNull();
  });

  it('refuses a body over 100 KB with HTTP 413 and a GraphQL error', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { id } }', variables: { padding: 'x'.repeat(101 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/100 KB/);
    // Just under the limit is served.
    const under = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { id } }', variables: { padding: 'x'.repeat(99 * 1024) } }),
    });
    expect(under.status).toBe(200);
  });
});
