import { AcceptInvitationDocument, InviteMemberDocument, InviteMembersDocument, LeaveOrganizationDocument, RemoveMemberDocument } from './generated/graphql';
import { auditActions, sql, USE_ROLE_ID, VIEW_ROLE_ID } from './support/access';
import { registerUser, type Account } from './support/factories';
import { acceptToken, startMailSink, type MailSink } from './support/mail';
import { addMember } from './support/members';
import { dataOf, startTestServer, type TestServer } from './support/server';

/** Reinstatement (CONTRACT.md, Administration): what a removed member held comes back with `reinstate: true`. */
let api: TestServer;
let sink: MailSink;
beforeAll(async () => {
  sink = await startMailSink();
  api = await startTestServer({ SMTP_URL: sink.url });
});
afterAll(async () => {
  await api.stop();
  await sink.stop();
});

interface Setting {
  owner: Account;
  person: Account;
  teams: { led: string; joined: string; doomed: string };
  projects: { custom: string; viewed: string; doomed: string };
  customRoleId: string;
}

/** A member who leads one team, belongs to two more, and holds grants on three projects (one with a custom role). */
async function setting(): Promise<Setting> {
  const owner = await registerUser(api);
  const person = await registerUser(api);
  const organizationId = owner.organization.id;
  await addMember(api, organizationId, person.user.id, 'MEMBER');
  const team = async (name: string, role: string) => {
    const [{ id }] = await sql(api, `INSERT INTO teams (organization_id, name) VALUES ($1, $2) RETURNING id`, [organizationId, name]);
    await sql(api, `INSERT INTO team_members (team_id, organization_id, user_id, role) VALUES ($1, $2, $3, $4)`, [id, organizationId, person.user.id, role]);
    return id as string;
  };
  const teams = { led: await team('Led', 'TEAM_ADMIN'), joined: await team('Joined', 'TEAM_MEMBER'), doomed: await team('Doomed', 'TEAM_MEMBER') };
  const [{ id: customRoleId }] = await sql(api, `INSERT INTO roles (organization_id, name, permissions) VALUES ($1, 'Auditor', $2) RETURNING id`, [
    organizationId,
    ['PROJECT_VIEW', 'DATABASE_MASK'],
  ]);
  const project = async (name: string, roleId: string) => {
    const [{ id }] = await sql(api, `INSERT INTO projects (organization_id, name) VALUES ($1, $2) RETURNING id`, [organizationId, name]);
    await sql(api, `INSERT INTO project_grants (organization_id, project_id, user_id, role_id) VALUES ($1, $2, $3, $4)`, [
      organizationId,
      id,
      person.user.id,
      roleId,
    ]);
    return id as string;
  };
  const projects = {
    custom: await project('Custom', customRoleId),
    viewed: await project('Viewed', VIEW_ROLE_ID),
    doomed: await project('Doomed', USE_ROLE_ID),
  };
  return { owner, person, teams, projects, customRoleId };
}

const heldTeams = async (s: Setting) =>
  Object.fromEntries(
    (await sql(api, `SELECT team_id, role FROM team_members WHERE organization_id = $1 AND user_id = $2`, [s.owner.organization.id, s.person.user.id])).map(
      (r) => [r.team_id, r.role],
    ),
  );
const heldGrants = async (s: Setting) =>
  Object.fromEntries(
    (
      await sql(api, `SELECT project_id, role_id FROM project_grants WHERE organization_id = $1 AND user_id = $2`, [s.owner.organization.id, s.person.user.id])
    ).map((r) => [r.project_id, r.role_id]),
  );
const defaultTeam = async (s: Setting) => (await sql(api, `SELECT id FROM teams WHERE organization_id = $1 AND is_default`, [s.owner.organization.id]))[0].id;

/** The token of the next invitation email to `email` (a removed member is also told of the removal). */
async function invitationToken(email: string): Promise<string> {
  for (;;) {
    const mail = await sink.nextTo(email);
    if (mail.body.includes('/invitations/accept?token=')) return acceptToken(mail);
  }
}

async function removeAndReinvite(s: Setting, input: Record<string, unknown>, bulk = false): Promise<string> {
  dataOf(await api.exec(RemoveMemberDocument, { input: { organizationId: s.owner.organization.id, userId: s.person.user.id } }, s.owner.token));
  if (bulk) {
    const { email: _email, ...rest } = input;
    const row = { email: s.person.user.email, role: 'MEMBER' as const };
    const res = dataOf(
      await api.exec(InviteMembersDocument, { input: { organizationId: s.owner.organization.id, invitations: [row], ...rest } }, s.owner.token),
    ).inviteMembers.results;
    expect(res[0].error).toBeNull();
  } else {
    dataOf(
      await api.exec(
        InviteMemberDocument,
        { input: { organizationId: s.owner.organization.id, email: s.person.user.email, role: 'MEMBER', ...input } },
        s.owner.token,
      ),
    );
  }
  return invitationToken(s.person.user.email);
}

describe('reinstatement', () => {
  it('restores the teams (with their roles) and grants that still exist, audited as member.reinstated', async () => {
    const s = await setting();
    const token = await removeAndReinvite(s, { reinstate: true, projectGrants: [{ projectId: s.projects.viewed, roleId: USE_ROLE_ID }] });
    expect(await heldTeams(s)).toEqual({});
    // Meanwhile a team and a project are deleted.
    await sql(api, `DELETE FROM teams WHERE id = $1`, [s.teams.doomed]);
    await sql(api, `DELETE FROM projects WHERE id = $1`, [s.projects.doomed]);
    dataOf(await api.exec(AcceptInvitationDocument, { input: { token } }, s.person.token));

    expect(await heldTeams(s)).toEqual({ [s.teams.led]: 'TEAM_ADMIN', [s.teams.joined]: 'TEAM_MEMBER', [await defaultTeam(s)]: 'TEAM_MEMBER' });
    // The invitation's own grant comes on top of the restored one.
    expect(await heldGrants(s)).toEqual({ [s.projects.custom]: s.customRoleId, [s.projects.viewed]: USE_ROLE_ID });
    const [event] = await sql(api, `SELECT actor_id, target_id, data FROM audit_events WHERE organization_id = $1 AND action = 'member.reinstated'`, [
      s.owner.organization.id,
    ]);
    expect(event.actor_id).toBe(s.owner.user.id);
    expect(event.target_id).toBe(s.person.user.id);
    expect(event.data.leftOut).toEqual({ teams: 1, projectGrants: 1 });
    // Used up: nothing is left to reinstate twice.
    expect(await sql(api, `SELECT 1 FROM member_removals WHERE organization_id = $1`, [s.owner.organization.id])).toEqual([]);
  });

  it('restores nothing without reinstate, and a custom role deleted meanwhile leaves its grant out', async () => {
    const plain = await setting();
    const token = await removeAndReinvite(plain, {});
    dataOf(await api.exec(AcceptInvitationDocument, { input: { token } }, plain.person.token));
    expect(await heldTeams(plain)).toEqual({ [await defaultTeam(plain)]: 'TEAM_MEMBER' });
    expect(await heldGrants(plain)).toEqual({});
    expect(await auditActions(api, plain.owner.organization.id)).not.toContain('member.reinstated');

    const s = await setting();
    const second = await removeAndReinvite(s, { reinstate: true }, true);
    await sql(api, `DELETE FROM roles WHERE id = $1`, [s.customRoleId]);
    dataOf(await api.exec(AcceptInvitationDocument, { input: { token: second } }, s.person.token));
    expect(await heldGrants(s)).toEqual({ [s.projects.viewed]: VIEW_ROLE_ID, [s.projects.doomed]: USE_ROLE_ID });
  });

  it('remembers a member who left too', async () => {
    const s = await setting();
    dataOf(await api.exec(LeaveOrganizationDocument, { input: { organizationId: s.owner.organization.id } }, s.person.token));
    dataOf(
      await api.exec(
        InviteMemberDocument,
        { input: { organizationId: s.owner.organization.id, email: s.person.user.email, role: 'ADMIN', reinstate: true } },
        s.owner.token,
      ),
    );
    const token = await invitationToken(s.person.user.email);
    dataOf(await api.exec(AcceptInvitationDocument, { input: { token } }, s.person.token));
    expect(Object.keys(await heldGrants(s))).toHaveLength(3);
    expect((await heldTeams(s))[s.teams.led]).toBe('TEAM_ADMIN');
  });

  it('forgets after 90 days: a reinstatement finds nothing, and the scheduled pruning deletes the record', async () => {
    const s = await setting();
    const token = await removeAndReinvite(s, { reinstate: true });
    await sql(api, `UPDATE member_removals SET removed_at = now() - interval '91 days' WHERE organization_id = $1`, [s.owner.organization.id]);
    dataOf(await api.exec(AcceptInvitationDocument, { input: { token } }, s.person.token));
    expect(await heldGrants(s)).toEqual({});
    expect(await auditActions(api, s.owner.organization.id)).not.toContain('member.reinstated');

    // The pruning runs on pg-boss's schedule; its job, sent now, deletes what is older than 90 days and keeps the rest.
    const schedules = await api.server.queue.getSchedules();
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'member-removals-prune', cron: '17 3 * * *' })]));
    const fresh = await setting();
    dataOf(await api.exec(RemoveMemberDocument, { input: { organizationId: fresh.owner.organization.id, userId: fresh.person.user.id } }, fresh.owner.token));
    const count = async (organizationId: string) => (await sql(api, `SELECT 1 FROM member_removals WHERE organization_id = $1`, [organizationId])).length;
    expect(await count(s.owner.organization.id)).toBe(1);
    await api.server.queue.send('member-removals-prune', {});
    const deadline = Date.now() + 20_000;
    while ((await count(s.owner.organization.id)) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await count(s.owner.organization.id)).toBe(0);
    expect(await count(fresh.owner.organization.id)).toBe(1);
  }, 60_000);
});
