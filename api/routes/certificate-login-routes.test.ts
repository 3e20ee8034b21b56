import { randomBytes, randomUUID } from 'node:crypto';
import { type Account, type NewAccount, createAccount } from '../../engine/accounts/account';
import { issueBindingToken } from '../../engine/accounts/identity-binding';
import { loginThrottlePolicy } from '../../engine/accounts/login-throttle';
import { challengeLifetimeMs } from '../../engine/certificates/ca-challenge';
import { ApiClient } from '../../test/support/api-client';
import { logInAccount } from '../../test/support/api-login';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import {
  type IssuedCertificate,
  chainPem,
  companySubject,
  personSubject,
  signNonce,
  testIntermediate,
  testKeys,
  testLeaf,
  testRevocationList,
  testRoot,
  testTrust,
} from '../../test/support/test-ca';
import { applicationRoutes } from './application-routes';
import { authRoutes } from './auth-routes';
import { certificateLoginRoutes } from './certificate-login-routes';
import { identityRoutes } from './identity-routes';

const password = 'Correct-Horse-9';
const day = 24 * 60 * 60_000;
const idNumber = '110105198509171232';
const creditCode = '91440300MA5G2R8W81';

const root = testRoot('Test Root CA');
const cityRoot = testRoot('Test City CA 2', 1);
const issuing = testIntermediate(cityRoot, 'Test City CA 2 Issuing CA');
const revoked = testLeaf(root);

let server: TestApiServer;
let addressCount = 0;

/** A browser from an address of its own, holding its session like the web page does. */
class Browser extends ApiClient {
  readonly address = `192.0.2.${++addressCount}`;

  override request(method: string, path: string, body?: unknown, headers = {}) {
    return super.request(method, path, body, { 'x-forwarded-for': this.address, ...headers });
  }

  static async open(): Promise<Browser> {
    const browser = new Browser(server.baseUrl);
    await browser.refreshSession();
    return browser;
  }

  async challenge(): Promise<{ challengeId: string; nonce: string }> {
    return (await this.post('/api/auth/ca/challenge')).body;
  }

  /** Signs a fresh challenge with the leaf's key and logs in with the chain. */
  async caLogin(leaf: IssuedCertificate, intermediates: IssuedCertificate[] = [], headers = {}) {
    const { challengeId, nonce } = await this.challenge();
    const body = {
      challengeId,
      certificate: chainPem(leaf, ...intermediates),
      signature: signNonce(leaf, nonce),
    };
    return this.keep(await this.request('POST', '/api/auth/ca/login', body, headers));
  }

  async bind(bindingToken: string, username: string, secret = password) {
    const body = { bindingToken, username, password: secret };
    return this.keep(await this.post('/api/auth/ca/bind', body));
  }

  private keep<R extends { status: number; body: { csrfToken?: string } }>(response: R): R {
    if (response.status === 200) this.csrfToken = response.body.csrfToken;
    return response;
  }
}

async function applicant(overrides: Partial<NewAccount> = {}): Promise<Account> {
  const username = `ca-${randomBytes(4).toString('hex')}`;
  return createAccount(server.services.engine.database, {
    username,
    password,
    kind: 'individual',
    displayName: '张明',
    profile: { realName: '张明', idNumber },
    ...overrides,
  });
}

function enterprise(): Promise<Account> {
  return applicant({
    kind: 'enterprise',
    displayName: '深圳市青禾数字科技有限公司',
    profile: { enterpriseName: '深圳市青禾数字科技有限公司', creditCode },
  });
}

async function failedLogins(code: string) {
  return server.services.engine
    .database('auth_events')
    .where({ type: 'login_failed', method: 'certificate' })
    .whereRaw("detail->>'code' = ?", [code]);
}

beforeAll(async () => {
  server = await startTestApiServer(
    [authRoutes, identityRoutes, certificateLoginRoutes, applicationRoutes],
    { captcha: false, trustProxy: true },
  );
  server.services.certificateTrust = testTrust(
    [root, cityRoot],
    [testRevocationList(root, [revoked])],
  ).trust;
}, 60_000);
afterAll(async () => {
  await server.close();
});

describe('the challenge', () => {
  it('is a nonce to sign within two minutes, never cached', async () => {
    const browser = await Browser.open();
    const response = await browser.post('/api/auth/ca/challenge');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      challengeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    });
    const lifetime = Date.parse(response.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(challengeLifetimeMs - 60_000);
    expect(lifetime).toBeLessThanOrEqual(challengeLifetimeMs);
  });
});

describe('the settings', () => {
  it('name no signing helper by default, and the configured one when set', async () => {
    const browser = await Browser.open();
    expect((await browser.get('/api/auth/ca/settings')).body).toEqual({ helperUrl: null });
    server.services.config.caHelperUrl = 'http://127.0.0.1:17380';
    try {
      const response = await browser.get('/api/auth/ca/settings');
      expect(response.body).toEqual({ helperUrl: 'http://127.0.0.1:17380' });
    } finally {
      delete server.services.config.caHelperUrl;
    }
  });
});

describe('first login, binding, and the logins after', () => {
  it('binds on first use, then logs in directly at the certificate level', async () => {
    const company = await enterprise();
    const leaf = testLeaf(issuing, { subject: companySubject(creditCode) });
    const browser = await Browser.open();

    const first = await browser.caLogin(leaf, [issuing]);
    expect(first.status).toBe(409);
    expect(first.body.error).toMatchObject({
      code: 'binding_required',
      details: [],
      bindingToken: expect.any(String),
      certificate: {
        label: '深圳市青禾数字科技有限公司 (Test City CA 2 Issuing CA)',
        issuer: 'CN=Test City CA 2 Issuing CA',
      },
    });

    const bound = await browser.bind(first.body.error.bindingToken, company.username);
    expect(bound.status).toBe(200);
    expect(bound.body.user).toMatchObject({ username: company.username, kind: 'enterprise' });
    expect(bound.body.authLevel).toBe('certificate');
    const report = await browser.post('/api/applications', { matterId: 'annual-report' });
    expect(report.status).toBe(201);

    const later = await Browser.open();
    const second = await later.caLogin(leaf, [issuing]);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ user: { id: company.id }, authLevel: 'certificate' });
    const session = (await later.get('/api/auth/session')).body;
    expect(session).toMatchObject({ user: { id: company.id }, authLevel: 'certificate' });
    const trail = (await later.get('/api/account/auth-events')).body.items;
    expect(trail.map((e: { type: string; method: string }) => `${e.type}/${e.method}`)).toEqual([
      'login/certificate',
      'login/certificate',
      'bind/certificate',
    ]);
  });

  it('takes an ECDSA certificate like an RSA one', async () => {
    const person = await applicant();
    const leaf = testLeaf(root, { keys: testKeys(0, 'ec') });
    const browser = await Browser.open();
    const first = await browser.caLogin(leaf);
    expect(first.body.error.code).toBe('binding_required');
    expect((await browser.bind(first.body.error.bindingToken, person.username)).status).toBe(200);
    expect((await (await Browser.open()).caLogin(leaf)).body.user.id).toBe(person.id);
  });

  it('keeps a password session away from a matter that needs a certificate', async () => {
    const withPassword = await logInAccount(server, { kind: 'enterprise' });
    const refused = await withPassword.post('/api/applications', { matterId: 'annual-report' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('certificate_login_required');
  });

  it('lists and unbinds the certificate in the account settings', async () => {
    const person = await applicant();
    const leaf = testLeaf(root);
    const browser = await Browser.open();
    const first = await browser.caLogin(leaf);
    await browser.bind(first.body.error.bindingToken, person.username);

    const { body } = await browser.get('/api/account/identities');
    expect(body.items).toEqual([
      expect.objectContaining({ kind: 'certificate', label: '张明 (Test Root CA)' }),
    ]);
    const unbound = await browser.request('DELETE', `/api/account/identities/${body.items[0].id}`);
    expect(unbound.status).toBe(204);
    expect((await browser.get('/api/account/identities')).body.items).toEqual([]);
    const trail = (await browser.get('/api/account/auth-events')).body.items;
    expect(trail[0]).toMatchObject({ type: 'unbind', method: 'certificate' });
    expect((await (await Browser.open()).caLogin(leaf)).status).toBe(409);
  });
});

describe('refused certificates, each with its own code, each audited', () => {
  const expired = () =>
    testLeaf(root, {
      notBefore: new Date(Date.now() - 400 * day),
      notAfter: new Date(Date.now() - day),
    });
  const early = () =>
    testLeaf(root, {
      notBefore: new Date(Date.now() + day),
      notAfter: new Date(Date.now() + 9 * day),
    });

  it.each([
    ['certificate_expired', expired],
    ['certificate_not_yet_valid', early],
    ['certificate_untrusted', () => testLeaf(testRoot('Stranger CA', 2))],
    ['certificate_revoked', () => revoked],
    ['certificate_key_usage', () => testLeaf(root, { keyUsage: ['keyEncipherment'] })],
  ])('%s', async (code, make) => {
    const response = await (await Browser.open()).caLogin(make());
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({
      code,
      details: [expect.objectContaining({ pointer: '/certificate', code })],
    });
    expect(await failedLogins(code)).not.toHaveLength(0);
  });

  it('signature_invalid for a tampered signature', async () => {
    const browser = await Browser.open();
    const leaf = testLeaf(root);
    const { challengeId, nonce } = await browser.challenge();
    const signature = Buffer.from(signNonce(leaf, nonce), 'base64');
    signature[0] = (signature[0] ?? 0) ^ 1;
    const body = { challengeId, certificate: leaf.pem, signature: signature.toString('base64') };
    const response = await browser.post('/api/auth/ca/login', body);
    expect(response.status).toBe(401);
    expect(response.body.error.details[0]).toMatchObject({
      pointer: '/signature',
      code: 'signature_invalid',
    });
    expect(await failedLogins('signature_invalid')).toHaveLength(1);
  });

  it('records a refusal under the account the certificate is bound to', async () => {
    const person = await applicant();
    const leaf = testLeaf(root);
    const browser = await Browser.open();
    await browser.bind((await browser.caLogin(leaf)).body.error.bindingToken, person.username);
    const { challengeId } = await browser.challenge();
    const body = { challengeId, certificate: leaf.pem, signature: signNonce(leaf, 'other') };
    expect((await browser.post('/api/auth/ca/login', body)).status).toBe(401);
    const trail = (await browser.get('/api/account/auth-events')).body.items;
    expect(trail[0]).toMatchObject({
      type: 'login_failed',
      method: 'certificate',
      detail: { code: 'signature_invalid' },
    });
  });

  it('answers in Chinese when asked', async () => {
    const response = await (
      await Browser.open()
    ).caLogin(revoked, [], { 'accept-language': 'zh-CN' });
    expect(response.body.error.message).toBe('证书已被吊销');
    expect(response.body.error.details[0].message).toBe('证书已被吊销');
  });
});

describe('challenges are single use and short lived', () => {
  it('refuses a replayed challenge, an expired one and an unknown one', async () => {
    const browser = await Browser.open();
    const leaf = testLeaf(root);
    const { challengeId, nonce } = await browser.challenge();
    const body = { challengeId, certificate: leaf.pem, signature: signNonce(leaf, nonce) };
    expect((await browser.post('/api/auth/ca/login', body)).status).toBe(409);
    const replay = await browser.post('/api/auth/ca/login', body);
    expect(replay.status).toBe(422);
    expect(replay.body.error).toMatchObject({
      code: 'challenge_used',
      details: [{ pointer: '/challengeId', code: 'challenge_used', message: expect.any(String) }],
    });

    const late = await browser.challenge();
    server.fixture.setNow(new Date(Date.now() + challengeLifetimeMs + 1_000));
    try {
      const signature = signNonce(leaf, late.nonce);
      const lateBody = { challengeId: late.challengeId, certificate: leaf.pem, signature };
      const expiredChallenge = await browser.post('/api/auth/ca/login', lateBody);
      expect(expiredChallenge.body.error.code).toBe('challenge_expired');
    } finally {
      server.fixture.setNow(new Date());
    }
    const unknown = await browser.post('/api/auth/ca/login', {
      ...body,
      challengeId: randomUUID(),
    });
    expect(unknown.body.error.code).toBe('challenge_invalid');
    expect(await failedLogins('challenge_used')).toHaveLength(1);
  });
});

describe('binding refusals', () => {
  it('refuses a reused binding token', async () => {
    const person = await applicant();
    const browser = await Browser.open();
    const { bindingToken } = (await browser.caLogin(testLeaf(root))).body.error;
    expect((await browser.bind(bindingToken, person.username)).status).toBe(200);
    const again = await (await Browser.open()).bind(bindingToken, person.username);
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('binding_token_invalid');
  });

  it('refuses a wrong password, then locks the account like a password login', async () => {
    const person = await applicant();
    const browser = await Browser.open();
    const { bindingToken } = (await browser.caLogin(testLeaf(root))).body.error;
    const wrong = await browser.bind(bindingToken, person.username, 'Wrong-Horse-1');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    for (let i = 2; i < loginThrottlePolicy.accountThreshold; i++) {
      await (await Browser.open()).bind(bindingToken, person.username, `Wrong-Horse-${i}`);
    }
    const locked = await (await Browser.open()).bind(bindingToken, person.username, 'Wrong-Horse');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    const right = await (await Browser.open()).bind(bindingToken, person.username);
    expect(right.body.error.code).toBe('locked');
  });

  it('refuses an account whose resident ID the certificate does not carry', async () => {
    const other = await applicant({
      profile: { realName: '李四', idNumber: '11010519900307001X' },
    });
    const browser = await Browser.open();
    const leaf = testLeaf(root, { subject: personSubject(idNumber) });
    const { bindingToken } = (await browser.caLogin(leaf)).body.error;
    const mismatch = await browser.bind(bindingToken, other.username);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error).toMatchObject({
      code: 'identity_mismatch',
      details: [expect.objectContaining({ pointer: '/username' })],
    });
  });

  it('refuses a unified-identity token on the certificate bind route', async () => {
    const person = await applicant();
    const sso = {
      kind: 'sso' as const,
      issuer: 'https://id.example.gov',
      subject: 's1',
      label: 'x',
    };
    const token = await issueBindingToken(server.services.engine.database, sso, new Date());
    const response = await (await Browser.open()).bind(token, person.username);
    expect(response.body.error.code).toBe('binding_token_invalid');
  });
});

describe('bad input gets a 4xx with pointers, never a 500', () => {
  const valid = () => ({
    challengeId: randomUUID(),
    certificate: testLeaf(root).pem,
    signature: 'AAAA',
  });

  it.each([
    ['not PEM', { certificate: 'hello' }, '/certificate'],
    ['not base64', { signature: 'not base64!' }, '/signature'],
    ['not a challenge id', { challengeId: '42' }, '/challengeId'],
    [
      'a huge certificate',
      { certificate: `-----BEGIN CERTIFICATE-----${'A'.repeat(70_000)}` },
      '/certificate',
    ],
  ])('%s', async (_name, change, pointer) => {
    const response = await (
      await Browser.open()
    ).post('/api/auth/ca/login', { ...valid(), ...change });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('invalid_fields');
    expect(response.body.error.details.map((d: { pointer: string }) => d.pointer)).toContain(
      pointer,
    );
  });

  it('a PEM block that is no certificate: certificate_malformed', async () => {
    const browser = await Browser.open();
    const { challengeId } = await browser.challenge();
    const certificate = '-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----';
    const response = await browser.post('/api/auth/ca/login', {
      challengeId,
      certificate,
      signature: 'AAAA',
    });
    expect(response.status).toBe(422);
    expect(response.body.error.details[0]).toMatchObject({
      pointer: '/certificate',
      code: 'certificate_malformed',
    });
  });

  it('a body over the limit: 413', async () => {
    const certificate = `-----BEGIN CERTIFICATE-----${'A'.repeat(2_000_000)}`;
    const response = await (
      await Browser.open()
    ).post('/api/auth/ca/login', { ...valid(), certificate });
    expect(response.status).toBe(413);
  });
});
