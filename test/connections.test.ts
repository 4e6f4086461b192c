import { MemberNodesDocument } from './generated/graphql';
import { registerUser } from './support/factories';
import { addUsers } from './support/members';
import { dataOf, startTestServer, type TestServer } from './support/server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

describe('connections: nodes and the full pageInfo (operations/connections.graphql)', () => {
  it('pages forward through nodes, with start and end cursors and both page flags', async () => {
    const owner = await registerUser(api);
    await addUsers(api, owner.organization.id, ['Ada', 'Bea', 'Cy', 'Dee']);
    const moniker = owner.organization.moniker;

    const first = dataOf(await api.exec(MemberNodesDocument, { moniker, first: 2 }, owner.token)).organization!;
    expect(first.members.totalCount).toBe(5);
    expect(first.members.nodes.map((n) => n.user.name)).toEqual(['Dee', 'Cy']);
    expect(first.members.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: expect.any(String), endCursor: expect.any(String) });
    expect(first.members.pageInfo.startCursor).not.toBe(first.members.pageInfo.endCursor);

    const second = dataOf(await api.exec(MemberNodesDocument, { moniker, first: 2, after: first.members.pageInfo.endCursor }, owner.token)).organization!;
    expect(second.members.nodes.map((n) => n.user.name)).toEqual(['Bea', 'Ada']);
    expect(second.members.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });

    const last = dataOf(await api.exec(MemberNodesDocument, { moniker, first: 2, after: second.members.pageInfo.endCursor }, owner.token)).organization!;
    expect(last.members.nodes.map((n) => n.user.id)).toEqual([owner.user.id]);
    expect(last.members.pageInfo.startCursor).toBe(last.members.pageInfo.endCursor);
    expect(last.members.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    // Every other connection of the document answers the same shape; an empty page has no cursors.
    expect(first.invitations).toEqual({ nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    expect(first.projects.nodes).toEqual([]);
    expect(first.auditLog.pageInfo.hasPreviousPage).toBe(false);
  });

  it('edges and nodes list the same items, and the cursors bracket the edges', async () => {
    const owner = await registerUser(api);
    await addUsers(api, owner.organization.id, ['Eve', 'Fay']);
    const page = dataOf(
      await api.exec(
        `query($moniker: String!) { organization(moniker: $moniker) { members(first: 3) {
          nodes { user { id } } edges { cursor node { user { id } } } pageInfo { startCursor endCursor } } } }`,
        { moniker: owner.organization.moniker },
        owner.token,
      ),
    ).organization.members;
    expect(page.nodes).toEqual(page.edges.map((e: { node: unknown }) => e.node));
    expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
    expect(page.pageInfo.endCursor).toBe(page.edges[2].cursor);
  });
});
