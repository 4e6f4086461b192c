import { createClient, type OrgraphError } from '../examples/typed-client/src/client';
import { MemberNodesDocument, RegisterDocument } from '../examples/typed-client/src/gql/graphql';
import { startTestServer, type TestServer } from './support/server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

/** What a typed caller can read off an error without casts: the union narrows by code. */
function describeError(error: OrgraphError): string {
  switch (error.extensions.code) {
    case 'BAD_USER_INPUT':
      return `input: ${(error.extensions.fields ?? []).map((f) => f.field).join(',')}`;
    case 'RATE_LIMITED':
    case 'UNAVAILABLE':
      return `retry in ${error.extensions.retryAfterSeconds}s`;
    case 'INTERNAL_SERVER_ERROR':
      return `report ${error.extensions.requestId}`;
    default:
      return error.extensions.code;
  }
}

describe('the typed client example (examples/typed-client)', () => {
  it('registers and pages members through the generated documents, and reads typed errors', async () => {
    const anonymous = createClient(api.url);
    const refused = await anonymous.request(RegisterDocument, { input: { email: 'not-an-email', name: 'Typed', password: 'short' } });
    expect(refused.errors?.map(describeError)).toEqual(['input: email,password']);

    const registered = await anonymous.request(RegisterDocument, { input: { email: 'typed@example.com', name: 'Typed', password: 'correct horse battery' } });
    if (registered.errors) throw new Error(registered.errors.map(describeError).join('; '));
    const { token, user, organization } = registered.data.register;
    expect(organization?.viewerRole).toBe('OWNER');

    const members = await createClient(api.url, token).request(MemberNodesDocument, { moniker: organization!.moniker, first: 1 });
    if (members.errors) throw new Error(members.errors.map(describeError).join('; '));
    const page = members.data.organization!.members;
    expect(page.nodes.map((n) => [n.role, n.user.id])).toEqual([['OWNER', user.id]]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: expect.any(String), endCursor: page.pageInfo.startCursor });

    const unauthenticated = await anonymous.request(MemberNodesDocument, { moniker: organization!.moniker });
    expect(unauthenticated.errors?.map(describeError)).toEqual(['UNAUTHENTICATED']);
  });
});
