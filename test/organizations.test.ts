import { createOrganization, registerUser } from './support/factories';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

const BY_MONIKER = `query($moniker: String!) { organization(moniker: $moniker) { id moniker name description notificationEmail region country plan viewerRole viewerPermissions } }`;
const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id moniker name description notificationEmail country } } }`;

describe('organizations', () => {
  it('register creates an owner organization with the default team', async () => {
    const ann = await registerUser(api, { name: 'Ann Smith', organizationName: 'Acme Inc' });
    expect(ann.organization.moniker).toBe('acme-inc');
    const org = dataOf(await api.exec(BY_MONIKER, { moniker: 'acme-inc' }, ann.token)).organization;
    expect(org).toMatchObject({ name: 'Acme Inc', plan: 'FREE', region: 'EU1', viewerRole: 'OWNER' });
    expect(org.viewerPermissions).toHaveLength(11);
  });

  it('keeps former monikers resolving and reserved', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    const org = await createOrganization(api, ann.token, { moniker: 'old-name' });
    dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, moniker: 'new-name' } }, ann.token));
    const viaOld = dataOf(await api.exec(BY_MONIKER, { moniker: 'old-name' }, ann.token)).organization;
    expect(viaOld).toMatchObject({ id: org.id, moniker: 'new-name' });
    const taken = await createOrganization(api, bob.token, { moniker: 'old-name' }).catch((e: Error) => e.message);
    expect(String(taken)).toContain('CONFLICT');
    dataOf(await api.exec(UPDATE, { input: { organizationId: org.id, moniker: 'old-name' } }, ann.token));
  });

  it('answers NOT_FOUND across organizations, exactly as for a missing one', async () => {
    const ann = await registerUser(api);
    const eve = await registerUser(api);
    const foreign = await api.exec(BY_MONIKER, { moniker: ann.organization.moniker }, eve.token);
    const missing = await api.exec(BY_MONIKER, { moniker: 'no-such-org' }, eve.token);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe(missing.errors?.[0].message);
    const update = await api.exec(UPDATE, { input: { organizationId: ann.organization.id, name: 'Pwned' } }, eve.token);
    expect(errorCode(update)).toBe('NOT_FOUND');
  });
});
