import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from './support/access';
import { registerUser, type Account } from './support/factories';
import { addMember } from './support/members';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';
import { until } from './support/subscriptions';

/** A webhook receiver on 127.0.0.1 that records every request and answers what `answer` says. */
interface Received {
  headers: Record<string, string>;
  body: string;
}
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
let answer: () => number = () => 200;

let api: TestServer;
beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res.statusCode = answer();
      res.end('thanks');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  api = await startTestServer({ WEBHOOKS_ALLOW_HTTP: 'true', WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' });
});
afterAll(async () => {
  await api.stop();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  answer = () => 200;
});

const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url actions description enabled createdAt } } }`;
const UPDATE = `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { webhook { id url actions description enabled } } }`;
const DELETE = `mutation($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { deletedWebhookId } }`;
const ROTATE = `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret } }`;
const PING = `mutation($input: PingWebhookInput!) { pingWebhook(input: $input) { delivery { id action status } } }`;
const REDELIVER = `mutation($input: RedeliverWebhookDeliveryInput!) { redeliverWebhookDelivery(input: $input) { delivery { id status attempts } } }`;
const WEBHOOKS = `query($moniker: String!) { organization(moniker: $moniker) { id webhooks { id url actions enabled
  deliveries(first: 50) { totalCount nodes { id action status attempts responseStatus createdAt nextAttemptAt } } } } }`;
const CHANGE_PLAN = `mutation($input: ChangePlanInput!) { changePlan(input: $input) { organization { plan } } }`;

/**
 * Standard Webhooks verification written out here, independently of the server's library:
 * HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>` with the secret's base64 bytes.
 */
function signedWith(secret: string, request: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`)
    .digest('base64');
  return request.headers['webhook-signature'].split(' ').includes(`v1,${expected}`);
}

async function createWebhook(owner: Account, actions = ['*'], url = receiverUrl) {
  return dataOf(await api.exec(CREATE, { input: { organizationId: owner.organization.id, url, actions, description: 'Test rig' } }, owner.token))
    .createWebhook as {
    secret: string;
    webhook: { id: string };
  };
}

const deliveriesOf = async (owner: Account) => dataOf(await api.exec(WEBHOOKS, { moniker: owner.organization.moniker }, owner.token)).organization.webhooks;
const changePlan = (owner: Account, plan: string) =>
  api.exec(CHANGE_PLAN, { input: { organizationId: owner.organization.id, plan } }, owner.token).then(dataOf);
const bodyOf = (r: Received) => JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> };
/** What the receiver got about `owner`'s organization: another test's late retry never counts. */
const receivedFor = (owner: Account) => received.filter((r) => bodyOf(r).data.organizationId === owner.organization.id);

describe('webhooks', () => {
  it('are managed with WEBHOOKS_MANAGE only: the secret is shown once', async () => {
    const owner = await registerUser(api);
    const [admin, member, outsider] = await Promise.all([registerUser(api), registerUser(api), registerUser(api)]);
    await addMember(api, owner.organization.id, admin.user.id, 'ADMIN');
    await addMember(api, owner.organization.id, member.user.id, 'MEMBER');
    const input = { organizationId: owner.organization.id, url: receiverUrl, actions: ['member.*'] };
    expect(errorCode(await api.exec(CREATE, { input }, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(CREATE, { input }, outsider.token))).toBe('NOT_FOUND');
    const { secret, webhook } = dataOf(await api.exec(CREATE, { input }, admin.token)).createWebhook;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhook).toMatchObject({ url: receiverUrl, actions: ['member.*'], enabled: true });
    expect(JSON.stringify(await sql(api, `SELECT * FROM webhooks WHERE id = $1`, [webhook.id]))).not.toContain(secret.slice(6));

    expect(errorCode(await api.exec(UPDATE, { input: { webhookId: webhook.id, enabled: false } }, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await api.exec(WEBHOOKS, { moniker: owner.organization.moniker }, member.token))).toBe('FORBIDDEN');
    const updated = dataOf(await api.exec(UPDATE, { input: { webhookId: webhook.id, actions: ['*'], description: 'All of it', enabled: false } }, owner.token))
      .updateWebhook.webhook;
    expect(updated).toMatchObject({ actions: ['*'], description: 'All of it', enabled: false });
    expect(errorCode(await api.exec(UPDATE, { input: { webhookId: webhook.id, actions: ['Member.Invited'] } }, owner.token))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.exec(DELETE, { input: { webhookId: webhook.id } }, outsider.token))).toBe('NOT_FOUND');
    expect(dataOf(await api.exec(DELETE, { input: { webhookId: webhook.id } }, owner.token)).deleteWebhook.deletedWebhookId).toBe(webhook.id);
    expect(await deliveriesOf(owner)).toEqual([]);
  });

  it('deliver the events they ask for, signed per Standard Webhooks, and record each delivery', async () => {
    const owner = await registerUser(api);
    const all = await createWebhook(owner, ['organization.*']);
    await createWebhook(owner, ['member.*']);
    await changePlan(owner, 'PRO');
    await until(() => receivedFor(owner).length >= 1, 'the delivery');
    await new Promise((resolve) => setTimeout(resolve, 1000));

    // The member.* webhook heard nothing of a plan change.
    expect(receivedFor(owner)).toHaveLength(1);
    const [request] = receivedFor(owner);
    expect(signedWith(all.secret, request)).toBe(true);
    expect(signedWith(`whsec_${Buffer.alloc(32).toString('base64')}`, request)).toBe(false);
    expect(request.headers['content-type']).toBe('application/json');
    const body = bodyOf(request);
    const [event] = await sql(api, `SELECT id, created_at FROM audit_events WHERE organization_id = $1 AND action = 'organization.plan_changed'`, [
      owner.organization.id,
    ]);
    expect(body).toEqual({
      type: 'organization.plan_changed',
      timestamp: event.created_at.toISOString(),
      data: { organizationId: owner.organization.id, eventId: event.id, actorId: owner.user.id, targetType: 'Organization', targetId: owner.organization.id },
    });
    const [hook] = (await deliveriesOf(owner)).filter((w: { id: string }) => w.id === all.webhook.id);
    expect(hook.deliveries.totalCount).toBe(1);
    expect(hook.deliveries.nodes[0]).toMatchObject({
      action: 'organization.plan_changed',
      status: 'SUCCEEDED',
      attempts: 1,
      responseStatus: 200,
      nextAttemptAt: null,
    });
    expect(request.headers['webhook-id']).toBe(`msg_${hook.deliveries.nodes[0].id}`);
  });

  it('retry failed deliveries with the same webhook-id, and are redelivered and pinged on demand', async () => {
    const owner = await registerUser(api);
    const { secret, webhook } = await createWebhook(owner, ['organization.*']);
    let calls = 0;
    answer = () => (++calls <= 2 ? 500 : 200);
    await changePlan(owner, 'TEAMS');
    await until(() => receivedFor(owner).length >= 3, 'two retries');
    const attempts = receivedFor(owner);
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(attempts.every((r) => signedWith(secret, r))).toBe(true);
    expect(new Set(attempts.map((r) => r.body)).size).toBe(1);
    const read = async () => (await deliveriesOf(owner))[0].deliveries.nodes[0];
    let delivery = await read();
    for (let i = 0; i < 50 && delivery.status !== 'SUCCEEDED'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      delivery = await read();
    }
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attempts: 3, responseStatus: 200 });

    const again = dataOf(await api.exec(REDELIVER, { input: { deliveryId: delivery.id } }, owner.token)).redeliverWebhookDelivery.delivery;
    expect(again).toMatchObject({ id: delivery.id, status: 'PENDING' });
    await until(() => receivedFor(owner).length >= 4, 'the redelivery');
    expect(receivedFor(owner)[3].headers['webhook-id']).toBe(`msg_${delivery.id}`);

    const ping = dataOf(await api.exec(PING, { input: { webhookId: webhook.id } }, owner.token)).pingWebhook.delivery;
    expect(ping).toMatchObject({ action: 'webhook.ping', status: 'PENDING' });
    await until(() => receivedFor(owner).length >= 5, 'the ping');
    const pinged = receivedFor(owner)[4];
    expect(bodyOf(pinged)).toMatchObject({ type: 'webhook.ping', data: { organizationId: owner.organization.id, eventId: null } });
    expect(pinged.headers['webhook-id']).toBe(`msg_${ping.id}`);
  });

  it('sign with the old and the new secret for a day after a rotation', async () => {
    const owner = await registerUser(api);
    const { secret: old, webhook } = await createWebhook(owner, ['organization.*']);
    const { secret: fresh } = dataOf(await api.exec(ROTATE, { input: { webhookId: webhook.id } }, owner.token)).rotateWebhookSecret;
    expect(fresh).not.toBe(old);
    await changePlan(owner, 'CORE');
    await until(() => receivedFor(owner).length >= 1, 'the delivery');
    const [request] = receivedFor(owner);
    expect(request.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(signedWith(old, request)).toBe(true);
    expect(signedWith(fresh, request)).toBe(true);
  });

  it('are disabled, and the organization told, after three days of failures', async () => {
    const owner = await registerUser(api);
    const { webhook } = await createWebhook(owner, ['organization.*']);
    await sql(api, `UPDATE webhooks SET failing_since = now() - interval '4 days' WHERE id = $1`, [webhook.id]);
    answer = () => 503;
    await changePlan(owner, 'PRO');
    const enabled = async () => (await sql(api, `SELECT enabled FROM webhooks WHERE id = $1`, [webhook.id]))[0].enabled;
    for (let i = 0; i < 100 && (await enabled()); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await enabled()).toBe(false);
    const actions = (
      await sql(api, `SELECT action, actor_id FROM audit_events WHERE organization_id = $1 AND target_id = $2`, [owner.organization.id, webhook.id])
    ).map((r) => r.action);
    expect(actions).toContain('webhook.disabled');
  });
});

describe('webhook URLs without the test-rig variables', () => {
  let strict: TestServer;
  beforeAll(async () => {
    strict = await startTestServer();
  });
  afterAll(() => strict.stop());

  it.each([
    ['http://example.com/hook', 'Use https://.'],
    ['https://127.0.0.1/hook', 'internal'],
    ['https://localhost/hook', 'internal'],
    ['https://10.1.2.3/hook', 'internal'],
    ['https://192.168.0.1/hook', 'internal'],
    ['https://169.254.169.254/latest/meta-data', 'internal'],
    ['https://[::1]/hook', 'internal'],
    ['https://[::ffff:127.0.0.1]/hook', 'internal'],
    ['https://user:pw@example.com/hook', 'Credentials'],
  ])('refuses %s with BAD_USER_INPUT on url', async (url, message) => {
    const owner = await registerUser(strict);
    const res = await strict.exec(CREATE, { input: { organizationId: owner.organization.id, url, actions: ['*'] } }, owner.token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields).toEqual([{ field: 'url', message: expect.stringContaining(message) }]);
  });

  it('checks the address again at delivery: a private one is never connected to', async () => {
    const owner = await registerUser(strict);
    // As if the host had resolved to a public address at creation and to a private one now.
    const [{ id }] = await sql(
      strict,
      `INSERT INTO webhooks (organization_id, url, actions, secret_encrypted) VALUES ($1, $2, '{*}', 'v1:x:y:z') RETURNING id`,
      [owner.organization.id, receiverUrl.replace('http:', 'https:')],
    );
    await strict.exec(CHANGE_PLAN, { input: { organizationId: owner.organization.id, plan: 'PRO' } }, owner.token);
    const status = async () =>
      (await sql(strict, `SELECT status, attempts, response_status, last_result FROM webhook_deliveries WHERE webhook_id = $1`, [id]))[0];
    for (let i = 0; i < 100 && (await status())?.status !== 'RETRYING'; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await status()).toMatchObject({ status: 'RETRYING', attempts: 1, response_status: null, last_result: expect.stringContaining('refused') });
    expect(receivedFor(owner)).toEqual([]);
  });
});
