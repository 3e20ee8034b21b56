import { type AccountKind, createAccount } from '../../engine/accounts/account';
import { accountThrottleKey, loginThrottlePolicy } from '../../engine/accounts/login-throttle';
import type { SessionStore } from '../../engine/accounts/session-store';
import { ApiClient } from '../../test/support/api-client';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { type TestRedisSessions, testRedisSessions } from '../../test/support/redis-sessions';
import { accountRoutes } from './account-routes';
import { authRoutes } from './auth-routes';

const oldPassword = 'Old-pass-2026';
const newPassword = 'New-pass-2027';
let addressCount = 0;
let accountCount = 0;

/** A browser of its own, from an address of its own, so lockouts of one test stay there. */
class Browser extends ApiClient {
  readonly address = `198.51.100.${++addressCount}`;

  override request(method: string, path: string, body?: unknown, headers = {}) {
    return super.request(method, path, body, { 'x-forwarded-for': this.address, ...headers });
  }

  /** Logs in (the captcha is off); a success leaves the browser holding the session. */
  async login(username: string, password = oldPassword) {
    const response = await this.post('/api/auth/login', { username, password });
    if (response.status === 200) this.csrfToken = response.body.csrfToken;
    return response;
  }
}

async function serverWith(sessions?: SessionStore) {
  const modules = [authRoutes, accountRoutes];
  return startTestApiServer(modules, { captcha: false, trustProxy: true, sessions });
}

async function newAccount(server: TestApiServer, kind: AccountKind = 'individual') {
  const username = `settings.${++accountCount}`;
  await createAccount(server.services.engine.database, {
    username,
    password: oldPassword,
    kind,
    displayName: '张明',
    phone: '13800138000',
    email: `${username}@example.com`,
  });
  return username;
}

async function loggedIn(server: TestApiServer, username: string): Promise<Browser> {
  const browser = new Browser(server.baseUrl);
  expect((await browser.login(username)).status).toBe(200);
  return browser;
}

const pointersOf = (body: { error: { details: { pointer: string }[] } }) =>
  body.error.details.map((detail) => detail.pointer);

describe('account settings over HTTP', () => {
  let server: TestApiServer;
  beforeAll(async () => {
    server = await serverWith();
  }, 60_000);
  afterAll(() => server.close());

  async function trail(username: string, type: string) {
    return server.services.engine
      .database('auth_events as e')
      .join('accounts as a', 'a.id', 'e.account_id')
      .where({ 'a.username': username, 'e.type': type })
      .select('e.method', 'e.detail');
  }

  /** The texts of the messages the outbox holds for one address. */
  async function noticesTo(address: string): Promise<string[]> {
    const rows = await server.services.engine
      .database('outbox')
      .where({ kind: 'message' })
      .whereRaw("payload->>'to' = ?", [address]);
    return rows.map((row: { payload: { text: string } }) => row.payload.text);
  }

  describe('PUT /api/account/password', () => {
    it('changes the password, ends the other sessions and rotates this one', async () => {
      const username = await newAccount(server);
      const elsewhere = await loggedIn(server, username);
      const browser = new Browser(server.baseUrl);
      const login = await browser.login(username);
      const oldCookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';

      const changed = await browser.put('/api/account/password', {
        currentPassword: oldPassword,
        newPassword,
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ user: { username }, authLevel: 'password' });
      expect(changed.body.csrfToken).not.toBe(login.body.csrfToken);
      browser.csrfToken = changed.body.csrfToken;

      expect((await browser.get('/api/auth/session')).body.user.username).toBe(username);
      expect((await elsewhere.get('/api/auth/session')).body.user).toBeNull();
      const replayed = await fetch(`${server.baseUrl}/api/auth/session`, {
        headers: { cookie: oldCookie },
      });
      expect((await replayed.json()).user).toBeNull();

      const again = new Browser(server.baseUrl);
      expect((await again.login(username, oldPassword)).status).toBe(401);
      expect((await again.login(username, newPassword)).status).toBe(200);
      expect(await trail(username, 'password_change')).toEqual([
        { method: 'password', detail: { sessionsEnded: 2 } },
      ]);
      for (const address of ['13800138000', `${username}@example.com`]) {
        expect(await noticesTo(address)).toEqual([
          expect.stringMatching(new RegExp(`您的账号 ${username} 的登录密码已于 .+变更`)),
        ]);
      }
    });

    it('refuses a wrong current password, counting the failure toward the lockout', async () => {
      const username = await newAccount(server);
      const browser = await loggedIn(server, username);
      const refused = await browser.request(
        'PUT',
        '/api/account/password',
        { currentPassword: 'Not-the-pass-1', newPassword },
        { 'accept-language': 'zh-CN' },
      );
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('current_password_wrong');
      expect(refused.body.error.details).toEqual([
        expect.objectContaining({ pointer: '/currentPassword', message: '当前密码错误' }),
      ]);
      const failures = await server.services.engine
        .database('login_failures')
        .where({ key: accountThrottleKey(username) })
        .first();
      expect(failures.failures).toBe(1);
      expect((await new Browser(server.baseUrl).login(username)).status).toBe(200);
    });

    it('locks the account after repeated wrong current passwords, as logins do', async () => {
      const username = await newAccount(server);
      const browser = await loggedIn(server, username);
      const body = { currentPassword: 'Not-the-pass-1', newPassword };
      const answers = [];
      for (let i = 0; i < loginThrottlePolicy.accountThreshold; i++) {
        answers.push((await browser.put('/api/account/password', body)).status);
      }
      expect(answers).toEqual([422, 422, 422, 422, 429]);
      const locked = await browser.put('/api/account/password', {
        ...body,
        currentPassword: oldPassword,
      });
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('locked');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('reports every policy issue at /newPassword, a wrong current password too', async () => {
      const username = await newAccount(server);
      const browser = await loggedIn(server, username);
      const weak = await browser.put('/api/account/password', {
        currentPassword: oldPassword,
        newPassword: `${username}x`,
      });
      expect(weak.status).toBe(422);
      expect(weak.body.error.code).toBe('invalid_fields');
      const codes = weak.body.error.details.map((detail: { code: string }) => detail.code);
      expect(codes).toEqual(['password_contains_username']);
      expect(pointersOf(weak.body)).toEqual(['/newPassword']);

      const both = await browser.put('/api/account/password', {
        currentPassword: 'Not-the-pass-1',
        newPassword: 'short',
      });
      expect(both.body.error.code).toBe('invalid_fields');
      expect(pointersOf(both.body)).toEqual(['/currentPassword', '/newPassword', '/newPassword']);
      expect((await new Browser(server.baseUrl).login(username)).status).toBe(200);
    });

    it('needs the CSRF token, and a login', async () => {
      const username = await newAccount(server);
      const browser = await loggedIn(server, username);
      const body = { currentPassword: oldPassword, newPassword };
      const forged = await browser.request('PUT', '/api/account/password', body, {
        'x-csrf-token': '',
      });
      expect(forged.status).toBe(403);
      expect(forged.body.error.code).toBe('csrf_token_invalid');

      const anonymous = new Browser(server.baseUrl);
      await anonymous.refreshSession();
      const refused = await anonymous.put('/api/account/password', body);
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('not_logged_in');
      expect((await new Browser(server.baseUrl).login(username)).status).toBe(200);
    });

    it('lets staff change their password', async () => {
      const username = await newAccount(server, 'officer');
      const browser = await loggedIn(server, username);
      const changed = await browser.put('/api/account/password', {
        currentPassword: oldPassword,
        newPassword,
      });
      expect(changed.status).toBe(200);
    });
  });

  describe('PUT /api/account/contacts', () => {
    it('reports every bad field with its pointer, the current password included', async () => {
      const username = await newAccount(server);
      const browser = await loggedIn(server, username);
      const refused = await browser.put('/api/account/contacts', {
        currentPassword: 'Not-the-pass-1',
        phone: '1380013800',
        email: 'not-an-address',
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('invalid_fields');
      expect(pointersOf(refused.body)).toEqual(['/currentPassword', '/phone', '/email']);
    });

    it('changes the phone and e-mail, as the session then shows them', async () => {
      const username = await newAccount(server, 'enterprise');
      const browser = await loggedIn(server, username);
      const changed = await browser.put('/api/account/contacts', {
        currentPassword: oldPassword,
        phone: '13912345678',
        email: `${username}@example.com`,
      });
      expect(changed.status).toBe(200);
      expect(changed.body.user).toMatchObject({ phone: '13912345678' });

      const session = await browser.get('/api/auth/session');
      expect(session.body.user).toMatchObject({
        phone: '13912345678',
        email: `${username}@example.com`,
      });
      expect(await trail(username, 'contacts_change')).toEqual([
        { method: 'password', detail: { changed: ['phone'] } },
      ]);
      // The old number and the e-mail hear of it; the new number is not the owner's word.
      const notice = expect.stringContaining(`您的账号 ${username} 的手机号码已于`);
      expect(await noticesTo(`${username}@example.com`)).toEqual([notice]);
      expect(await noticesTo('13912345678')).toEqual([]);
    });

    it('is for applicants only', async () => {
      const username = await newAccount(server, 'admin');
      const browser = await loggedIn(server, username);
      const refused = await browser.put('/api/account/contacts', {
        currentPassword: oldPassword,
        phone: '13912345678',
        email: 'admin@example.com',
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('role_required');
    });
  });
});

describe('a password change with sessions in Redis', () => {
  let store: TestRedisSessions;
  let server: TestApiServer;
  beforeAll(async () => {
    store = testRedisSessions();
    server = await serverWith(store.sessions);
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await server.close();
  });

  it('ends the other sessions and keeps the person logged in', async () => {
    const username = await newAccount(server);
    const elsewhere = await loggedIn(server, username);
    const browser = await loggedIn(server, username);
    const changed = await browser.put('/api/account/password', {
      currentPassword: oldPassword,
      newPassword,
    });
    expect(changed.status).toBe(200);
    expect(await store.sessionKeys()).toHaveLength(1);
    expect((await browser.get('/api/auth/session')).body.user.username).toBe(username);
    expect((await elsewhere.get('/api/auth/session')).body.user).toBeNull();
  });
});
