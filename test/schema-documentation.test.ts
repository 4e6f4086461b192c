import { runInNewContext } from 'node:vm';
import {
  buildClientSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { dataOf, startTestServer, type TestServer } from './support/server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

/** Every schema coordinate that should carry a description, and whether it does. */
function coordinates(schema: GraphQLSchema): Array<[string, boolean]> {
  const found: Array<[string, boolean]> = [];
  const note = (coordinate: string, description: string | null | undefined) => found.push([coordinate, !!description?.trim()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    note(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        note(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) note(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) note(`${type.name}.${field.name}`, field.description);
    if (isEnumType(type)) for (const value of type.getValues()) note(`${type.name}.${value.name}`, value.description);
  }
  return found;
}

describe('schema documentation', () => {
  it('describes every type, field, argument, input field and enum value the server introspects', async () => {
    const introspection = dataOf<IntrospectionQuery>(await api.exec(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })));
    const all = coordinates(buildClientSchema(introspection));
    const undocumented = all.filter(([, described]) => !described).map(([coordinate]) => coordinate);
    const percent = ((100 * (all.length - undocumented.length)) / all.length).toFixed(1);
    console.log(`schema documentation: ${all.length - undocumented.length} of ${all.length} described (${percent}%)`);
    expect(all.length).toBeGreaterThan(300);
    expect(undocumented).toEqual([]);
  });

  it('says how to authenticate at the root, and what each role and permission allows', async () => {
    const schema = buildClientSchema(dataOf<IntrospectionQuery>(await api.exec(getIntrospectionQuery({ descriptions: true }))));
    expect(schema.getQueryType()!.description).toMatch(/Authorization: Bearer <token>/);
    const roles = schema.getType('OrganizationRole');
    const permissions = schema.getType('OrganizationPermission');
    if (!isEnumType(roles) || !isEnumType(permissions)) throw new Error('role enums missing');
    // From the policy table: an ACCOUNTANT holds exactly ORGANIZATION_VIEW and BILLING_MANAGE.
    expect(roles.getValue('ACCOUNTANT')!.description).toMatch(/Holds ORGANIZATION_VIEW, BILLING_MANAGE\.$/);
    expect(permissions.getValue('OWNERS_MANAGE')!.description).toMatch(/Held by OWNER\.$/);
  });
});

describe('playground', () => {
  it("opens on the viewer's organizations with an Authorization header template", async () => {
    const response = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    // The options are JSON but for connectionParams, a function (the WebSocket client's sign-in): evaluate them as the page does.
    const options = runInNewContext(`(${html.match(/renderYogaGraphiQL\([^,]+,\s*(\{.*\}),\s*\);/s)![1]})`) as { headers: string; defaultQuery: string };
    expect(JSON.parse(options.headers)).toEqual({ Authorization: 'Bearer …' });
    // The example is a valid query that answers once the header carries a real token.
    const owner = await api.exec('mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }', {
      input: { email: 'playground@example.com', name: 'Pat', password: 'correct horse battery' },
    });
    const { token } = dataOf(owner).register;
    const example = dataOf(await api.exec(options.defaultQuery, {}, token));
    expect(example.viewer.organizations.totalCount).toBe(1);
    expect(example.viewer.organizations.nodes[0].viewerRole).toBe('OWNER');
  });
});
