import {
  CreateProjectDocument,
  CreateRoleDocument,
  CreateTeamDocument,
  DeleteProjectDocument,
  DeleteRoleDocument,
  GrantProjectAccessDocument,
  InviteMemberDocument,
} from './generated/graphql';
import { sql, VIEW_ROLE_ID } from './support/access';
import { registerUser, type Account } from './support/factories';
import { dataOf, errorCode, startTestServer, type GraphQLResponse, type TestServer } from './support/server';

/**
 * A role or project deleted while an invitation or a grant names it: whichever commits first
 * wins, the other gets the contract's refusal, and nothing is left half-referenced. On real
 * PostgreSQL the requests interleave; PGlite runs them one after another, where the same
 * outcomes must hold.
 */
let api: TestServer;
let ann: Account;
beforeAll(async () => {
  api = await startTestServer();
  ann = await registerUser(api);
});
afterAll(() => api.stop());

const ROUNDS = 12;
const outcome = (res: GraphQLResponse<unknown>) => (res.errors?.length ? String(errorCode(res)) : 'ok');
/** Starts the second request a little later each round, so that either side gets to lock first. */
const later = <T>(round: number, request: () => Promise<T>) => new Promise<T>((resolve) => setTimeout(() => resolve(request()), round * 2));

async function project(name: string): Promise<string> {
  return dataOf(await api.exec(CreateProjectDocument, { input: { organizationId: ann.organization.id, name } }, ann.token)).createProject.project.id;
}
async function role(name: string): Promise<string> {
  return dataOf(await api.exec(CreateRoleDocument, { input: { organizationId: ann.organization.id, name, permissions: ['PROJECT_VIEW'] } }, ann.token))
    .createRole.role.id;
}
const invite = (email: string, projectId: string, roleId: string) =>
  api.exec(InviteMemberDocument, { input: { organizationId: ann.organization.id, email, role: 'MEMBER', projectGrants: [{ projectId, roleId }] } }, ann.token);

it('deleting a role races an invitation that names it: one wins, the other is refused, no grant vanishes', async () => {
  const projectId = await project('Invited into');
  const seen = new Set<string>();
  for (let round = 0; round < ROUNDS; round += 1) {
    const roleId = await role(`Racing role ${round}`);
    const email = `role-race-${round}@example.com`;
    const [invited, deleted] = await Promise.all([
      invite(email, projectId, roleId),
      later(round, () => api.exec(DeleteRoleDocument, { input: { roleId } }, ann.token)),
    ]);
    const pair = `${outcome(invited)}/${outcome(deleted)}`;
    seen.add(pair);
    expect(['ok/CONFLICT', 'BAD_USER_INPUT/ok']).toContain(pair);
    const grants = await sql(api, `SELECT g.role_id FROM invitation_project_grants g JOIN invitations i ON i.id = g.invitation_id WHERE i.email = $1`, [email]);
    expect(grants).toEqual(pair === 'ok/CONFLICT' ? [{ role_id: roleId }] : []);
  }
  console.info(`role vs invitation outcomes: ${[...seen].join(', ')}`);
});

it('deleting a role races a team grant of it: one wins, the other is refused', async () => {
  const projectId = await project('Granted on');
  for (let round = 0; round < ROUNDS; round += 1) {
    const roleId = await role(`Granted role ${round}`);
    const teamId = dataOf(await api.exec(CreateTeamDocument, { input: { organizationId: ann.organization.id, name: `Grantees ${round}` } }, ann.token))
      .createTeam.team.id;
    const [granted, deleted] = await Promise.all([
      api.exec(GrantProjectAccessDocument, { input: { projectId, teamId, roleId } }, ann.token),
      later(round, () => api.exec(DeleteRoleDocument, { input: { roleId } }, ann.token)),
    ]);
    expect(['ok/CONFLICT', 'NOT_FOUND/ok']).toContain(`${outcome(granted)}/${outcome(deleted)}`);
  }
});

it('deleting a project races an invitation that names it: the invitation is refused, or made and loses the grant with the project', async () => {
  for (let round = 0; round < ROUNDS; round += 1) {
    const projectId = await project(`Doomed ${round}`);
    const email = `project-race-${round}@example.com`;
    const [invited, deleted] = await Promise.all([
      invite(email, projectId, VIEW_ROLE_ID),
      later(round, () => api.exec(DeleteProjectDocument, { input: { projectId } }, ann.token)),
    ]);
    expect(outcome(deleted)).toBe('ok');
    const made = await sql(api, `SELECT 1 FROM invitations WHERE email = $1`, [email]);
    if (made.length === 0) {
      expect(errorCode(invited)).toBe('BAD_USER_INPUT');
    } else {
      // Committed first. The payload is read after the commit, so the deleted project may already be gone from it.
      for (const error of invited.errors ?? [])
        expect(error).toMatchObject({ path: expect.arrayContaining(['projectGrants']), extensions: { code: 'NOT_FOUND' } });
    }
    expect(await sql(api, `SELECT 1 FROM invitation_project_grants WHERE project_id = $1`, [projectId])).toEqual([]);
  }
});
