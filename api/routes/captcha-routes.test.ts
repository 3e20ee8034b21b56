import { createAccount } from '../../engine/accounts/account';
import { captchaLifetimeMs } from '../../engine/accounts/captcha-store';
import { ApiClient } from '../../test/support/api-client';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { authRoutes } from './auth-routes';
import { captchaRoutes } from './captcha-routes';

let server: TestApiServer;
let client: ApiClient;

beforeAll(async () => {
  server = await startTestApiServer([captchaRoutes, authRoutes], { captcha: true });
  client = new ApiClient(server.baseUrl);
  await createAccount(server.services.engine.database, {
    username: 'captcha.user',
    password: 'Right-pass-2026',
    kind: 'individual',
    displayName: '张明',
  });
}, 60_000);
afterAll(() => server.close());
afterEach(() => {
  server.services.captchaText = undefined;
  server.services.config.captcha = true;
  server.fixture.setNow(new Date());
});

const login = (captcha: Record<string, string>) =>
  client.post('/api/auth/login', {
    username: 'captcha.user',
    password: 'Right-pass-2026',
    ...captcha,
  });

async function captchaWith(text: string) {
  server.services.captchaText = () => text;
  const response = await client.get('/api/captcha');
  return response.body.id as string;
}

describe('GET /api/captcha', () => {
  it('answers an SVG picture as a data URI, never cached', async () => {
    const response = await client.get('/api/captcha');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
      image: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
    });
    const svg = Buffer.from(response.body.image.split(',')[1], 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg[^>]*>.*<\/svg>$/s);
    const second = await client.get('/api/captcha');
    expect(second.body.id).not.toBe(response.body.id);
  });

  it('is case-insensitive and single use', async () => {
    const captchaId = await captchaWith('AbCd');
    expect((await login({ captchaId, captchaAnswer: 'aBcD' })).status).toBe(200);
    client.csrfToken = undefined;
    const reused = await new ApiClient(server.baseUrl).post('/api/auth/login', {
      username: 'captcha.user',
      password: 'Right-pass-2026',
      captchaId,
      captchaAnswer: 'AbCd',
    });
    expect(reused.body.error.code).toBe('captcha_invalid');
  });

  it('is used up by a wrong answer, and expires after two minutes', async () => {
    const fresh = new ApiClient(server.baseUrl);
    const wrongId = await captchaWith('WxYz');
    const post = (captcha: Record<string, string>) =>
      fresh.post('/api/auth/login', {
        username: 'captcha.user',
        password: 'Right-pass-2026',
        ...captcha,
      });
    expect((await post({ captchaId: wrongId, captchaAnswer: 'wxyq' })).status).toBe(422);
    expect((await post({ captchaId: wrongId, captchaAnswer: 'wxyz' })).status).toBe(422);

    const lateId = await captchaWith('WxYz');
    server.fixture.setNow(new Date(Date.now() + captchaLifetimeMs + 1000));
    const late = await post({ captchaId: lateId, captchaAnswer: 'wxyz' });
    expect(late.body.error).toMatchObject({
      code: 'captcha_invalid',
      details: [{ pointer: '/captchaAnswer', code: 'captcha_invalid' }],
    });
    expect((await post({ captchaId: 'unknown', captchaAnswer: 'wxyz' })).status).toBe(422);
  });

  it('is not asked for when CAPTCHA=off', async () => {
    server.services.config.captcha = false;
    const response = await new ApiClient(server.baseUrl).post('/api/auth/login', {
      username: 'captcha.user',
      password: 'Right-pass-2026',
    });
    expect(response.status).toBe(200);
  });
});
