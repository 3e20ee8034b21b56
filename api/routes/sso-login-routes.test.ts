import { randomBytes } from 'node:crypto';
import { type Account, createAccount } from '../../engine/accounts/account';
import { SsoClient } from '../../engine/accounts/sso-client';
import { type DemoIdentity, demoIdentities } from '../sso/demo-identities';
import { DemoProviderWalk } from '../../test/sso/demo-provider-walk';
import {
  type SsoTestPortal,
  TestBrowser,
  type Visit,
  startSsoTestPortal,
} from '../../test/sso/sso-test-portal';
import { authRoutes } from './auth-routes';
import { identityRoutes } from './identity-routes';
import { ssoLoginRoutes } from './sso-login-routes';

let portal: SsoTestPortal;
let walk: DemoProviderWalk;
const [zhangming, lisi] = demoIdentities as [DemoIdentity, DemoIdentity];
const accountPassword = 'Correct-Horse-9';

beforeAll(async () => {
  portal = await startSsoTestPortal([authRoutes, identityRoutes, ssoLoginRoutes]);
  walk = new DemoProviderWalk(portal.publicUrl);
}, 60_000);
afterAll(() => portal.close());

const url = (path: string) => `${portal.publicUrl}${path}`;

async function applicant(profile: Record<string, unknown>): Promise<Account> {
  const username = `person-${randomBytes(4).toString('hex')}`;
  return createAccount(portal.services.engine.database, {
    username,
    password: accountPassword,
    kind: 'individual',
    displayName: String(profile.realName),
    phone: '13800138000',
    email: `${username}@example.test`,
    profile,
  });
}

async function bind(
  browser: TestBrowser,
  bindingToken: string,
  username: string,
  password = accountPassword,
) {
  const response = await browser.json(url('/api/auth/sso/bind'), 'POST', {
    bindingToken,
    username,
    password,
  });
  if (response.status === 200) browser.csrfToken = String(response.json?.csrfToken);
  return response;
}

function bindingTokenOf(visit: Visit): string {
  expect(visit.status).toBe(302);
  const location = new URL(String(visit.location));
  expect(location.pathname).toBe('/login/bind');
  expect(location.searchParams.get('kind')).toBe('sso');
  return String(location.searchParams.get('bindingToken'));
}

async function sessionLevel(browser: TestBrowser) {
  const sid = browser.cookie('sid');
  const session = sid ? await portal.services.engine.sessions.read(sid) : null;
  return session?.authLevel ?? null;
}

async function lastFailureCode(): Promise<unknown> {
  const row = await portal.services.engine
    .database('auth_events')
    .where({ type: 'login_failed', method: 'sso' })
    .orderBy('id', 'desc')
    .first();
  const detail = typeof row?.detail === 'string' ? JSON.parse(row.detail) : row?.detail;
  return detail?.code;
}

/** Asks the callback for JSON and expects the refusal `code` with status 401. */
async function expectRefusal(browser: TestBrowser, callback: string, code: string) {
  const response = await browser.json(callback);
  expect(response.status).toBe(401);
  expect(response.json?.error?.code).toBe(code);
  expect(await lastFailureCode()).toBe(code);
  expect(await sessionLevel(browser)).toBeNull();
}

describe('unified identity login against the demo provider', () => {
  it('binds on first use with the password, then logs in directly', async () => {
    const owner = await applicant({ realName: '张明', idNumber: String(zhangming.idNumber) });
    const other = await applicant({ realName: '王芳', idNumber: '11010519491231002X' });

    const first = await walk.callbackFor(zhangming);
    const bindingToken = bindingTokenOf(await first.browser.visit(first.callback));
    expect(await lastFailureCode()).toBe('binding_required');

    const mismatch = await bind(first.browser, bindingToken, other.username);
    expect(mismatch.status).toBe(422);
    expect(mismatch.json?.error?.code).toBe('identity_mismatch');

    const bound = await bind(first.browser, bindingToken, owner.username);
    expect(bound.status).toBe(200);
    expect(bound.json?.user).toMatchObject({ username: owner.username });
    expect(await sessionLevel(first.browser)).toBe('sso');

    const identities = await first.browser.json(url('/api/account/identities'));
    expect(identities.json?.items).toEqual([
      expect.objectContaining({ kind: 'sso', subject: 'zhangming', label: '张明' }),
    ]);
    const trail = await first.browser.json(url('/api/account/auth-events'));
    expect(trail.json?.items).toEqual([
      expect.objectContaining({ type: 'login', method: 'sso' }),
      expect.objectContaining({ type: 'bind', method: 'sso' }),
    ]);

    const second = await walk.callbackFor(zhangming, new TestBrowser(), '?returnTo=/applications');
    const landed = await second.browser.visit(second.callback);
    expect(landed.status).toBe(302);
    expect(landed.location).toBe(url('/applications'));
    expect(await sessionLevel(second.browser)).toBe('sso');
    const session = await second.browser.json(url('/api/auth/session'));
    expect(session.json).toMatchObject({ user: { username: owner.username }, authLevel: 'sso' });
  }, 30_000);

  it('keeps a binding token through a wrong password, and spends it on success only', async () => {
    const owner = await applicant({ realName: '李四', idNumber: '440305199001011234' });
    const { browser, callback } = await walk.callbackFor(lisi);
    const bindingToken = bindingTokenOf(await browser.visit(callback));

    const wrong = await bind(browser, bindingToken, owner.username, 'Wrong-Horse-9');
    expect(wrong.status).toBe(401);
    expect(wrong.json?.error?.code).toBe('invalid_credentials');

    expect((await bind(browser, bindingToken, owner.username)).status).toBe(200);
    const reused = await bind(new TestBrowser(), bindingToken, owner.username);
    expect(reused.status).toBe(422);
    expect(reused.json?.error?.code).toBe('binding_token_invalid');
  }, 30_000);

  it('lands on the workstation by default and refuses a returnTo off the portal', async () => {
    const { browser, callback } = await walk.callbackFor(zhangming);
    expect((await browser.visit(callback)).location).toBe(url('/workstation'));

    for (const returnTo of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const query = `?returnTo=${encodeURIComponent(returnTo)}`;
      const refused = await browser.json(url(`/api/auth/sso/start${query}`));
      expect(refused.status).toBe(422);
      expect(refused.json?.error?.code).toBe('invalid_fields');
    }
  }, 30_000);
});

describe('refusals, each with its code', () => {
  it('refuses a callback whose state was tampered with', async () => {
    const { browser, callback } = await walk.callbackFor(zhangming);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'not-the-state-it-was-sent-with');
    await expectRefusal(browser, tampered.href, 'sso_state_mismatch');
  }, 30_000);

  it('refuses a callback in another browser than the one that started the login', async () => {
    const { callback } = await walk.callbackFor(zhangming);
    await expectRefusal(new TestBrowser(), callback, 'sso_state_mismatch');
  }, 30_000);

  it('sends a browser to the login page with the code instead of JSON', async () => {
    const { browser, callback } = await walk.callbackFor(zhangming);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'tampered');
    const visit = await browser.visit(tampered.href);
    expect(visit.status).toBe(302);
    expect(visit.location).toBe(url('/login?ssoError=sso_state_mismatch'));
  }, 30_000);

  it('refuses an ID token issued for another nonce', async () => {
    const browser = new TestBrowser();
    const authorization = new URL(await walk.start(browser));
    authorization.searchParams.set('nonce', 'a-nonce-the-portal-never-made');
    const callback = await walk.throughProvider(browser, authorization.href, zhangming);
    await expectRefusal(browser, callback, 'sso_nonce_mismatch');
  }, 30_000);

  it('refuses the same callback twice', async () => {
    const { browser, callback } = await walk.callbackFor(zhangming);
    expect((await browser.visit(callback)).status).toBe(302);
    const replay = await browser.json(callback);
    expect(replay.status).toBe(401);
    expect(replay.json?.error?.code).toBe('sso_callback_replayed');
    expect(await lastFailureCode()).toBe('sso_callback_replayed');
  }, 30_000);

  it('refuses a login cancelled at the provider', async () => {
    const browser = new TestBrowser();
    const callback = await walk.throughProvider(
      browser,
      await walk.start(browser),
      zhangming,
      'cancel',
    );
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    await expectRefusal(browser, callback, 'sso_provider_error');
  }, 30_000);

  it('refuses a code the provider does not know', async () => {
    const { browser, callback } = await walk.callbackFor(zhangming);
    const tampered = new URL(callback);
    tampered.searchParams.set('code', 'a-code-the-provider-never-issued');
    await expectRefusal(browser, tampered.href, 'sso_token_exchange_failed');
  }, 30_000);

  it('refuses a login that waited too long at the provider', async () => {
    const { browser, callback } = await walk.callbackFor(zhangming);
    portal.fixture.setNow(new Date(Date.now() + 11 * 60_000));
    try {
      await expectRefusal(browser, callback, 'sso_login_expired');
    } finally {
      portal.fixture.setNow(new Date());
    }
  }, 30_000);

  it('answers sso_unavailable, not a 500, when the provider does not answer', async () => {
    const working = portal.services.sso;
    portal.services.sso = new SsoClient({
      issuer: new URL('http://127.0.0.1:9/oidc'),
      clientId: 'portal',
      clientSecret: 'secret',
      scope: 'openid',
      redirectUri: url('/api/auth/sso/callback'),
      postLogoutRedirectUri: url('/'),
      allowHttp: true,
      logger: portal.services.logger,
    });
    try {
      const browser = new TestBrowser();
      const refused = await browser.json(url('/api/auth/sso/start'));
      expect(refused.status).toBe(503);
      expect(refused.json?.error?.code).toBe('sso_unavailable');
      const visit = await browser.visit(url('/api/auth/sso/start'));
      expect(visit.location).toBe(url('/login?ssoError=sso_unavailable'));

      portal.services.sso = undefined;
      const off = await browser.json(url('/api/auth/sso/callback?state=x&code=y'));
      expect(off.status).toBe(503);
      expect(off.json?.error?.code).toBe('sso_unavailable');
    } finally {
      portal.services.sso = working;
    }
  });
});

describe('logout', () => {
  it("ends the session and leads to the provider's logout, back to the portal", async () => {
    const { browser, callback } = await walk.callbackFor(zhangming);
    expect((await browser.visit(callback)).status).toBe(302);
    browser.csrfToken = String((await browser.json(url('/api/auth/session'))).json?.csrfToken);

    const logout = await browser.json(url('/api/auth/sso/logout'), 'POST', {});
    expect(logout.status).toBe(200);
    const endSessionUrl = new URL(String(logout.json?.endSessionUrl));
    expect(endSessionUrl.href.startsWith(url('/oidc/'))).toBe(true);
    expect(endSessionUrl.searchParams.get('post_logout_redirect_uri')).toBe(url('/'));
    expect((await browser.json(url('/api/auth/session'))).json?.user).toBeNull();

    const confirm = await browser.visit(endSessionUrl.href);
    expect(confirm.status).toBe(200);
    const action = String(/action="([^"]+)"/.exec(confirm.body)?.[1]);
    const xsrf = String(/name="xsrf" value="([^"]+)"/.exec(confirm.body)?.[1]);
    const done = await browser.visit(new URL(action, url('/')).href, {
      form: { xsrf, logout: 'yes' },
    });
    expect(done.location).toBe(url('/'));
  }, 30_000);

  it('names no provider logout for a session that did not come from it', async () => {
    const browser = new TestBrowser();
    const logout = await browser.json(url('/api/auth/sso/logout'), 'POST', {});
    expect(logout.status).toBe(200);
    expect(logout.json).toEqual({ endSessionUrl: null });
  });
});
