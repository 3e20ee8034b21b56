import { ApiClient } from '../../test/support/api-client';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { loginThrottlePolicy } from '../../engine/accounts/login-throttle';
import { sessionLimits } from '../../engine/accounts/session-store';
import { authRoutes } from './auth-routes';
import { captchaRoutes } from './captcha-routes';

const answer = 'Kx7p';
const password = 'Spring-2026!';
let server: TestApiServer;
let addressCount = 0;

/** A browser of its own, coming from an address of its own (the test trusts X-Forwarded-For). */
class Browser extends ApiClient {
  readonly address = `203.0.113.${++addressCount}`;

  override request(method: string, path: string, body?: unknown, headers = {}) {
    return super.request(method, path, body, { 'x-forwarded-for': this.address, ...headers });
  }

  async captcha() {
    const response = await this.get('/api/captcha');
    return { captchaId: response.body.id as string, captchaAnswer: answer.toLowerCase() };
  }

  /** Logs in; a success leaves the browser holding the new session and its CSRF token. */
  async login(username: string, secret = password) {
    const body = { username, password: secret, ...(await this.captcha()) };
    const response = await this.post('/api/auth/login', body);
    if (response.status === 200) this.csrfToken = response.body.csrfToken;
    return response;
  }
}

function registration(username: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'individual',
    username,
    password,
    phone: '13800138000',
    email: `${username}@example.com`,
    profile: { realName: '张明', idNumber: '110105198509171232' },
    ...overrides,
  };
}

async function register(username: string) {
  const browser = new Browser(server.baseUrl);
  const response = await browser.post('/api/auth/register', {
    ...registration(username),
    ...(await browser.captcha()),
  });
  expect(response.status).toBe(201);
  return response.body.user;
}

beforeAll(async () => {
  server = await startTestApiServer([captchaRoutes, authRoutes], {
    captcha: true,
    trustProxy: true,
  });
  server.services.captchaText = () => answer;
}, 60_000);
afterAll(async () => {
  await server.close();
});

describe('registration', () => {
  it('creates an individual and an enterprise account', async () => {
    const user = await register('zhang.ming');
    expect(user).toMatchObject({ username: 'zhang.ming', kind: 'individual', displayName: '张明' });
    expect(user).not.toHaveProperty('passwordHash');
    const browser = new Browser(server.baseUrl);
    const enterprise = await browser.post('/api/auth/register', {
      ...registration('qinghe-tech', {
        kind: 'enterprise',
        profile: {
          enterpriseName: '深圳市青禾数字科技有限公司',
          creditCode: '91440300MA5G2R8W81',
          legalRepresentative: '林晓峰',
          contactName: '王思远',
        },
      }),
      ...(await browser.captcha()),
    });
    expect(enterprise.status).toBe(201);
    expect(enterprise.body.user).toMatchObject({
      kind: 'enterprise',
      displayName: '深圳市青禾数字科技有限公司',
    });
  });

  it('reports every bad field at once, the captcha among them', async () => {
    const browser = new Browser(server.baseUrl);
    const response = await browser.post('/api/auth/register', {
      kind: 'individual',
      username: '9lives',
      password: 'short',
      phone: '12345',
      profile: { realName: '', idNumber: '110105198509171231' },
      captchaId: (await browser.captcha()).captchaId,
      captchaAnswer: 'nope',
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_fields');
    const pointers = response.body.error.details.map((d: { pointer: string }) => d.pointer);
    expect(new Set(pointers)).toEqual(
      new Set([
        '/username',
        '/password',
        '/phone',
        '/email',
        '/profile/realName',
        '/profile/idNumber',
        '/captchaAnswer',
      ]),
    );
    const codes = response.body.error.details.map((d: { code: string }) => d.code);
    expect(codes).toEqual(
      expect.arrayContaining(['password_length', 'password_too_simple', 'captcha_invalid']),
    );
  });

  it('checks the enterprise profile and the password against the username', async () => {
    const browser = new Browser(server.baseUrl);
    const response = await browser.post('/api/auth/register', {
      ...registration('acme-corp', {
        kind: 'enterprise',
        password: 'acme-corp-2026',
        profile: { enterpriseName: '某公司', creditCode: '91440300MA5G2R8W82', nickname: 'x' },
      }),
      ...(await browser.captcha()),
    });
    expect(response.status).toBe(422);
    expect(response.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/profile/creditCode', code: 'format:credit-code' }),
        expect.objectContaining({ pointer: '/profile/legalRepresentative', code: 'required' }),
        expect.objectContaining({ pointer: '/profile/contactName', code: 'required' }),
        expect.objectContaining({ pointer: '/profile/nickname', code: 'additionalProperties' }),
        expect.objectContaining({ pointer: '/password', code: 'password_contains_username' }),
      ]),
    );
  });

  it('answers captcha_invalid when only the captcha is wrong', async () => {
    const browser = new Browser(server.baseUrl);
    const { captchaId } = await browser.captcha();
    const body = { ...registration('only.captcha'), captchaId, captchaAnswer: 'zzzz' };
    const response = await browser.post('/api/auth/register', body);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'captcha_invalid',
      details: [{ pointer: '/captchaAnswer', code: 'captcha_invalid' }],
    });
  });

  it('refuses a taken username, whatever its case', async () => {
    await register('Wang.Fang');
    const browser = new Browser(server.baseUrl);
    const response = await browser.post('/api/auth/register', {
      ...registration('wang.FANG'),
      ...(await browser.captcha()),
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: 'username_taken',
      details: [{ pointer: '/username', code: 'username_taken' }],
    });
  });
});

describe('login', () => {
  beforeAll(async () => {
    await register('li.lei');
  });

  it('logs in with a new session cookie, rotating the anonymous one', async () => {
    const browser = new Browser(server.baseUrl);
    const anonymous = await browser.refreshSession();
    expect(anonymous.body).toEqual({ user: null, authLevel: null, csrfToken: expect.any(String) });
    const before = anonymous.headers.getSetCookie()[0] ?? '';
    expect(before).toMatch(/^sid=[^;]+; path=\/; samesite=lax; httponly$/);

    const login = await browser.login('LI.LEI');
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      user: expect.objectContaining({ username: 'li.lei' }),
      authLevel: 'password',
      csrfToken: expect.any(String),
    });
    const after = login.headers.getSetCookie()[0] ?? '';
    expect(after.split(';')[0]).not.toBe(before.split(';')[0]);
    expect(login.body.csrfToken).not.toBe(anonymous.body.csrfToken);

    const stale = new ApiClient(server.baseUrl);
    const old = await stale.request('GET', '/api/auth/session', undefined, {
      cookie: before.split(';')[0] ?? '',
    });
    expect(old.body.user).toBeNull();
    browser.csrfToken = login.body.csrfToken;
    const session = (await browser.get('/api/auth/session')).body;
    expect(session.user.username).toBe('li.lei');
    expect(session.authLevel).toBe('password');
  });

  it('marks the cookie Secure when the portal says it is behind HTTPS', async () => {
    server.services.config.secureCookies = true;
    try {
      const login = await new Browser(server.baseUrl).login('li.lei');
      expect(login.headers.getSetCookie()[0]).toMatch(/; secure;/);
    } finally {
      server.services.config.secureCookies = false;
    }
  });

  it('answers the same for an unknown user and a wrong password', async () => {
    const browser = new Browser(server.baseUrl);
    const unknown = await browser.login('nobody.here');
    const wrong = await browser.login('li.lei', 'Wrong-pass-1');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
  });

  it('refuses a wrong, reused or missing captcha', async () => {
    const browser = new Browser(server.baseUrl);
    const captcha = await browser.captcha();
    const wrong = await browser.post('/api/auth/login', {
      username: 'li.lei',
      password,
      captchaId: captcha.captchaId,
      captchaAnswer: 'zzzz',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('captcha_invalid');
    const reused = await browser.post('/api/auth/login', {
      username: 'li.lei',
      password,
      ...captcha,
    });
    expect(reused.body.error.code).toBe('captcha_invalid');
    const missing = await browser.post('/api/auth/login', { username: 'li.lei', password });
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({
      code: 'captcha_invalid',
      details: [{ pointer: '/captchaAnswer' }],
    });
  });

  it('locks the account after repeated failures, refusing even the right password', async () => {
    await register('han.mei');
    const attacker = new Browser(server.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < loginThrottlePolicy.accountThreshold; i++) {
      statuses.push((await attacker.login('han.mei', `Guess-${i}-x`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);

    const owner = new Browser(server.baseUrl);
    const refused = await owner.login('han.mei');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('locked');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50);

    // The lock lapses; the next one lasts twice as long.
    await server.services.engine
      .database('login_failures')
      .where({ key: 'account:han.mei' })
      .update({ locked_until: new Date(Date.now() - 1000) });
    for (let i = 0; i < loginThrottlePolicy.accountThreshold - 1; i++) {
      await attacker.login('han.mei', `Again-${i}-x`);
    }
    const second = await attacker.login('han.mei', 'Last-try-1');
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(110);
  }, 30_000);

  it('locks an address that tries many accounts, and a success resets the account', async () => {
    await register('lu.xun');
    const sprayer = new Browser(server.baseUrl);
    expect((await sprayer.login('lu.xun', 'Wrong-pass-1')).status).toBe(401);
    expect((await sprayer.login('lu.xun')).status).toBe(200);
    const { accountThreshold, addressThreshold } = loginThrottlePolicy;
    let status = 0;
    for (let i = 0; i < addressThreshold - 1; i++) {
      status = (await sprayer.login(`victim-${i % accountThreshold}${i}`, 'Wrong-pass-1')).status;
    }
    expect(status).toBe(429);
    const fromThere = await sprayer.login('lu.xun');
    expect(fromThere.status).toBe(429);
    const elsewhere = await new Browser(server.baseUrl).login('lu.xun');
    expect(elsewhere.status).toBe(200);
  }, 30_000);
});

describe('the session', () => {
  it('requires the CSRF token on a state-changing request made with a session', async () => {
    const browser = new Browser(server.baseUrl);
    await browser.refreshSession();
    const token = browser.csrfToken;
    browser.csrfToken = undefined;
    const refused = await browser.post('/api/auth/logout');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('csrf_token_invalid');
    browser.csrfToken = token;
    expect((await browser.post('/api/auth/logout')).status).toBe(204);
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    await register('zhou.li');
    const browser = new Browser(server.baseUrl);
    await browser.refreshSession();
    const login = await browser.login('zhou.li');
    browser.csrfToken = login.body.csrfToken;
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const logout = await browser.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(/^sid=;.*expires=Thu, 01 Jan 1970/);
    const replay = await new ApiClient(server.baseUrl).request(
      'GET',
      '/api/auth/session',
      undefined,
      { cookie },
    );
    expect(replay.body.user).toBeNull();
  });

  it.each([
    ['idle', { last_seen_at: new Date(Date.now() - sessionLimits.idleMs - 60_000) }],
    ['past its absolute limit', { expires_at: new Date(Date.now() - 1000) }],
  ])('ends a session %s', async (_, change) => {
    await register(`expiry.${Object.keys(change)[0]?.slice(0, 4)}`);
    const browser = new Browser(server.baseUrl);
    const login = await browser.login(`expiry.${Object.keys(change)[0]?.slice(0, 4)}`);
    expect(login.status).toBe(200);
    const { database } = server.services.engine;
    await database('sessions').where({ account_id: login.body.user.id }).update(change);
    const session = await browser.get('/api/auth/session');
    expect(session.body.user).toBeNull();
    expect(await database('sessions').where({ account_id: login.body.user.id })).toHaveLength(0);
  });
});
