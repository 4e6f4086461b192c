import {
  InstanceUsersDocument,
  LoginDocument,
  OrganizationByMonikerDocument,
  OrganizationInvitationsDocument,
  OrganizationMembersDocument,
  OrganizationProjectsDocument,
  OrganizationRolesDocument,
  OrganizationTeamsDocument,
  ViewerAdminDocument,
} from './generated/graphql';
import { auditActions, sql } from './support/access';
import { startCliRig, type CliRig } from './support/cli';
import { registerUser } from './support/factories';
import { dataOf, errorCode } from './support/server';

/** The command line (`npm run cli -- …`) as a child process, on the server's own database. */
let rig: CliRig;
beforeAll(async () => {
  rig = await startCliRig();
}, 120_000);
afterAll(() => rig.stop());

const PASSWORD = 'correct horse battery';
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

const status = async (token: string) =>
  (
    await fetch(rig.api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    })
  ).status;

describe('the command line', () => {
  it('explains itself and refuses bad usage with exit code 2', async () => {
    const help = await rig.cli('--help');
    expect(help.code).toBe(0);
    for (const command of ['admins', 'users', 'demo']) expect(help.stdout).toContain(command);
    const admins = await rig.cli('admins', '--help');
    expect(admins.stdout).toMatch(/grant[\s\S]*revoke/);
    expect((await rig.cli('bogus')).code).toBe(2);
    const missing = await rig.cli('users', 'disable');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument 'email'/);
  }, 60_000);

  it('refuses an unknown account with one line and exit code 1', async () => {
    const result = await rig.cli('admins', 'grant', 'nobody@example.com');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('orgraph: no account has the email nobody@example.com');
    noStack(result.stderr);
  }, 60_000);

  it('grants and revokes instance administration', async () => {
    const user = await registerUser(rig.api);
    const granted = await rig.cli('admins', 'grant', user.user.email.toUpperCase());
    expect(granted).toMatchObject({ code: 0, stdout: expect.stringContaining('is now an instance administrator') });
    expect(dataOf(await rig.api.exec(ViewerAdminDocument, {}, user.token)).viewer!.isInstanceAdmin).toBe(true);
    expect(dataOf(await rig.api.exec(InstanceUsersDocument, { search: user.user.email }, user.token)).instance.users.totalCount).toBe(1);
    expect((await rig.cli('admins', 'grant', user.user.email)).stdout).toContain('already');

    expect((await rig.cli('admins', 'revoke', user.user.email)).code).toBe(0);
    expect(errorCode(await rig.api.exec(InstanceUsersDocument, {}, user.token))).toBe('FORBIDDEN');
  }, 120_000);

  it('disables an account (sessions refused at once, login refused, audited) and enables it again', async () => {
    const user = await registerUser(rig.api);
    expect(await status(user.token)).toBe(200);
    const disabled = await rig.cli('users', 'disable', user.user.email);
    expect(disabled).toMatchObject({ code: 0, stdout: `${user.user.email} is disabled.\n` });
    expect(await status(user.token)).toBe(401);
    expect(errorCode(await rig.api.exec(LoginDocument, { input: { email: user.user.email, password: PASSWORD } }))).toBe('UNAUTHENTICATED');
    const [event] = await sql(rig.api, `SELECT actor_id, data FROM audit_events WHERE organization_id = $1 AND action = 'user.disabled'`, [
      user.organization.id,
    ]);
    expect(event).toEqual({ actor_id: null, data: { by: 'command_line' } });

    expect((await rig.cli('users', 'enable', user.user.email)).stdout).toBe(`${user.user.email} is enabled.\n`);
    dataOf(await rig.api.exec(LoginDocument, { input: { email: user.user.email, password: PASSWORD } }));
    expect(await auditActions(rig.api, user.organization.id)).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  }, 120_000);

  it('refuses to disable an instance administrator', async () => {
    const user = await registerUser(rig.api);
    await rig.cli('admins', 'grant', user.user.email);
    const refused = await rig.cli('users', 'disable', user.user.email);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^orgraph: .*revoke/);
    noStack(refused.stderr);
  }, 120_000);

  it('creates a demo organization to sign in to, once', async () => {
    const demo = await rig.cli('demo', '--password', 'demo password 42');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('demo password 42');
    const email = /^\s+(\S+@\S+)\s+OWNER$/m.exec(demo.stdout)![1];
    const { token } = dataOf(await rig.api.exec(LoginDocument, { input: { email, password: 'demo password 42' } })).login;

    const organization = dataOf(await rig.api.exec(OrganizationByMonikerDocument, { moniker: 'demo' }, token)).organization!;
    const members = dataOf(await rig.api.exec(OrganizationMembersDocument, { moniker: 'demo', first: 100 }, token)).organization!.members;
    expect(members.totalCount).toBe(12);
    expect(new Set(members.edges.map((e) => e.node.role))).toEqual(new Set(['OWNER', 'ADMIN', 'MEMBER', 'ACCOUNTANT']));
    const teams = dataOf(await rig.api.exec(OrganizationTeamsDocument, { moniker: 'demo' }, token)).organization!.teams;
    expect(teams.length).toBeGreaterThanOrEqual(3);
    const projects = dataOf(await rig.api.exec(OrganizationProjectsDocument, { moniker: 'demo', first: 20 }, token)).organization!.projects;
    expect(projects.totalCount).toBeGreaterThanOrEqual(3);
    const roles = dataOf(await rig.api.exec(OrganizationRolesDocument, { moniker: 'demo' }, token)).organization!.roles;
    expect(roles.filter((r) => r.builtIn)).toHaveLength(3);
    expect(roles.filter((r) => !r.builtIn).length).toBeGreaterThanOrEqual(2);
    const grants = await sql(rig.api, `SELECT DISTINCT role_id FROM project_grants WHERE organization_id = $1`, [organization.id]);
    expect(grants.length).toBeGreaterThanOrEqual(4);
    const invitations = dataOf(await rig.api.exec(OrganizationInvitationsDocument, { moniker: 'demo', status: 'PENDING' }, token)).organization!.invitations;
    expect(invitations.totalCount).toBeGreaterThanOrEqual(3);
    // Every demo member can sign in with the printed password.
    const accountant = /^\s+(\S+@\S+)\s+ACCOUNTANT$/m.exec(demo.stdout)![1];
    dataOf(await rig.api.exec(LoginDocument, { input: { email: accountant, password: 'demo password 42' } }));

    const again = await rig.cli('demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^orgraph: the demo exists already/);
    noStack(again.stderr);
    const short = await rig.cli('demo', '--password', 'short');
    expect(short.code).toBe(1);
  }, 180_000);
});
