import { createAccount } from '../../engine/accounts/account';
import { recoveryPolicy } from '../../engine/accounts/account-recovery';
import { ApiClient } from '../../test/support/api-client';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { authRoutes } from './auth-routes';
import { captchaRoutes } from './captcha-routes';

const answer = 'Qm4t';
let server: TestApiServer;
let accounts = 0;

beforeAll(async () => {
  server = await startTestApiServer([captchaRoutes, authRoutes], { captcha: true });
  server.services.captchaText = () => answer;
}, 60_000);
afterAll(() => server.close());
afterEach(() => server.fixture.setNow(new Date()));

async function captcha(client: ApiClient) {
  const response = await client.get('/api/captcha');
  return { captchaId: response.body.id as string, captchaAnswer: answer };
}

async function newAccount() {
  const username = `recover.${++accounts}`;
  await createAccount(server.services.engine.database, {
    username,
    password: 'Old-pass-2026',
    kind: 'individual',
    displayName: '张明',
    phone: '13800138000',
    email: `alice${accounts}@example.com`,
  });
  return username;
}

async function startRecovery(client: ApiClient, username: string) {
  const response = await client.post('/api/auth/recovery', {
    username,
    ...(await captcha(client)),
  });
  expect(response.status).toBe(200);
  return response.body.recoveryId as string;
}

/** The code of the newest `message` row, as the SMS gateway or the mail server would get it. */
async function lastCode(): Promise<{ code: string; payload: Record<string, string> }> {
  const row = await server.services.engine
    .database('outbox')
    .where({ kind: 'message' })
    .orderBy('id', 'desc')
    .first();
  const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
  return { code: /\b(\d{6})\b/.exec(payload.text)?.[1] ?? '', payload };
}

async function login(client: ApiClient, username: string, password: string) {
  const body = { username, password, ...(await captcha(client)) };
  const response = await client.post('/api/auth/login', body);
  if (response.status === 200) client.csrfToken = response.body.csrfToken;
  return response;
}

describe('password recovery', () => {
  it('goes from username to new password, ending every session of the account', async () => {
    const username = await newAccount();
    const victimSession = new ApiClient(server.baseUrl);
    expect((await login(victimSession, username, 'Old-pass-2026')).status).toBe(200);

    const client = new ApiClient(server.baseUrl);
    const start = await client.post('/api/auth/recovery', {
      username: username.toUpperCase(),
      ...(await captcha(client)),
    });
    expect(start.body).toEqual({
      recoveryId: expect.any(String),
      channels: [
        { channel: 'sms', masked: '138****8000' },
        { channel: 'email', masked: `a***@example.com` },
      ],
    });
    const id = start.body.recoveryId;
    const sent = await client.post(`/api/auth/recovery/${id}/code`, { channel: 'email' });
    expect(sent.status).toBe(202);
    const { code, payload } = await lastCode();
    expect(payload).toMatchObject({ channel: 'email', to: `alice${accounts}@example.com` });
    expect(server.fixture.wakeUps()).toBeGreaterThan(0);

    const verified = await client.post(`/api/auth/recovery/${id}/verify`, { code });
    expect(verified.status).toBe(200);
    const { resetToken } = verified.body;
    const weak = await client.post('/api/auth/recovery/reset', { resetToken, newPassword: 'weak' });
    expect(weak.status).toBe(422);
    expect(weak.body.error.details[0].pointer).toBe('/newPassword');
    const reset = await client.post('/api/auth/recovery/reset', {
      resetToken,
      newPassword: 'New-pass-2026',
    });
    expect(reset.status).toBe(204);

    expect((await victimSession.get('/api/auth/session')).body.user).toBeNull();
    expect((await login(client, username, 'Old-pass-2026')).status).toBe(401);
    expect((await login(client, username, 'New-pass-2026')).status).toBe(200);
    const again = await client.post('/api/auth/recovery/reset', {
      resetToken,
      newPassword: 'Other-pass-2026',
    });
    expect(again.body.error.code).toBe('reset_token_invalid');
  });

  it('answers account_not_found for an unknown username, and needs the captcha', async () => {
    const client = new ApiClient(server.baseUrl);
    const unknown = await client.post('/api/auth/recovery', {
      username: 'nobody',
      ...(await captcha(client)),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('account_not_found');
    const { captchaId } = await captcha(client);
    const wrong = await client.post('/api/auth/recovery', {
      username: 'nobody',
      captchaId,
      captchaAnswer: 'xxxx',
    });
    expect(wrong.body.error.code).toBe('captcha_invalid');
  });

  it('ends the recovery after five wrong codes, the right one included after', async () => {
    const client = new ApiClient(server.baseUrl);
    const id = await startRecovery(client, await newAccount());
    await client.post(`/api/auth/recovery/${id}/code`, { channel: 'sms' });
    const { code, payload } = await lastCode();
    expect(payload).toMatchObject({ channel: 'sms', to: '13800138000' });
    const wrong = code === '000000' ? '111111' : '000000';
    const codes: string[] = [];
    for (let i = 0; i < recoveryPolicy.maxAttempts; i++) {
      const response = await client.post(`/api/auth/recovery/${id}/verify`, { code: wrong });
      codes.push(`${response.status} ${response.body.error.code}`);
    }
    expect(codes).toEqual([
      '422 code_invalid',
      '422 code_invalid',
      '422 code_invalid',
      '422 code_invalid',
      '409 code_attempts_exceeded',
    ]);
    const right = await client.post(`/api/auth/recovery/${id}/verify`, { code });
    expect(right.status).toBe(409);
    expect(right.body.error.code).toBe('code_attempts_exceeded');
  });

  it('throttles codes, refuses an expired code, and lets a new code through', async () => {
    const client = new ApiClient(server.baseUrl);
    const id = await startRecovery(client, await newAccount());
    const early = await client.post(`/api/auth/recovery/${id}/verify`, { code: '123456' });
    expect(early.body.error.code).toBe('code_not_sent');
    await client.post(`/api/auth/recovery/${id}/code`, { channel: 'sms' });
    const { code } = await lastCode();
    const resend = await client.post(`/api/auth/recovery/${id}/code`, { channel: 'email' });
    expect(resend.status).toBe(429);
    expect(resend.body.error.code).toBe('code_throttled');
    expect(Number(resend.headers.get('retry-after'))).toBeGreaterThan(0);

    server.fixture.setNow(new Date(Date.now() + recoveryPolicy.codeLifetimeMs + 1000));
    const expired = await client.post(`/api/auth/recovery/${id}/verify`, { code });
    expect(expired.status).toBe(422);
    expect(expired.body.error).toMatchObject({
      code: 'code_expired',
      details: [{ pointer: '/code' }],
    });
    expect((await client.post(`/api/auth/recovery/${id}/code`, { channel: 'sms' })).status).toBe(
      202,
    );
    const fresh = await lastCode();
    const verified = await client.post(`/api/auth/recovery/${id}/verify`, { code: fresh.code });
    expect(verified.status).toBe(200);
  });

  it('refuses an expired reset token and an unknown recovery', async () => {
    const client = new ApiClient(server.baseUrl);
    const id = await startRecovery(client, await newAccount());
    await client.post(`/api/auth/recovery/${id}/code`, { channel: 'sms' });
    const { code } = await lastCode();
    const { resetToken } = (await client.post(`/api/auth/recovery/${id}/verify`, { code })).body;
    server.fixture.setNow(new Date(Date.now() + recoveryPolicy.resetTokenLifetimeMs + 1000));
    const late = await client.post('/api/auth/recovery/reset', {
      resetToken,
      newPassword: 'New-pass-2026',
    });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({
      code: 'reset_token_invalid',
      details: [{ pointer: '/resetToken' }],
    });
    for (const unknown of ['not-an-id', '6d1f5b0e-58f5-4c52-9d7e-1f0f7a1b2c3d']) {
      const response = await client.post(`/api/auth/recovery/${unknown}/code`, { channel: 'sms' });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('recovery_not_found');
    }
  });
});
