import { LoginDocument } from './generated/graphql';
import { registerUser } from './support/factories';
import { errorCode, startTestServer, type TestServer } from './support/server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.stop());

const login = (email: string, password = 'wrong password!') => api.exec(LoginDocument, { input: { email, password } });

it('limits login attempts per client address across many email addresses', async () => {
  const codes: unknown[] = [];
  for (let i = 0; i < 101; i += 1) codes.push(errorCode(await login(`nobody-${i}@example.com`)));
  expect(codes.slice(0, 100).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
  expect(codes[100]).toBe('RATE_LIMITED');
});

it('once the address budget is spent, even the right password waits', async () => {
  const ann = await registerUser(api);
  const limited = await login(ann.user.email, 'correct horse battery');
  expect(errorCode(limited)).toBe('RATE_LIMITED');
  expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
});
