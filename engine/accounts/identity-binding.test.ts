import { randomBytes } from 'node:crypto';
import { type TestDatabase, createTestDatabase } from '../../test/support/test-database';
import { EngineError } from '../engine-error';
import { type Account, type NewAccount, createAccount } from './account';
import { listAuthEvents } from './auth-events';
import {
  type ExternalIdentity,
  LockedError,
  bindIdentity,
  findBoundAccount,
  issueBindingToken,
  listIdentities,
  unbindIdentity,
} from './identity-binding';
import { loginThrottlePolicy } from './login-throttle';

const password = 'Correct-Horse-9';
let test: TestDatabase;
let addressCount = 0;

beforeAll(async () => {
  test = await createTestDatabase('postgres');
}, 60_000);
afterAll(() => test.drop());

async function account(overrides: Partial<NewAccount> = {}): Promise<Account> {
  const username = `person-${randomBytes(4).toString('hex')}`;
  return createAccount(test.database, {
    username,
    password,
    kind: 'individual',
    displayName: '张明',
    profile: { realName: '张明', idNumber: '11010519850917123X' },
    ...overrides,
  });
}

function certificate(overrides: Partial<ExternalIdentity> = {}): ExternalIdentity {
  return {
    kind: 'certificate',
    issuer: 'CN=Test Root CA,O=测试,C=CN',
    subject: randomBytes(8).toString('hex').toUpperCase(),
    label: '张明 (Test Root CA)',
    details: { notAfter: '2030-01-01T00:00:00.000Z' },
    idNumber: '11010519850917123x',
    ...overrides,
  };
}

async function bind(identity: ExternalIdentity, who: Account, secret = password) {
  const now = new Date();
  const bindingToken = await issueBindingToken(test.database, identity, now);
  const binding = { bindingToken, username: who.username, password: secret, address: address() };
  return { bindingToken, binding, result: bindIdentity(test.database, binding, now) };
}

function address(): string {
  return `198.51.100.${++addressCount}`;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EngineError) return error.code;
    throw error;
  }
  throw new Error('not refused');
}

describe('binding an identity', () => {
  it('binds once per token; the identity then finds its account', async () => {
    const person = await account();
    const identity = certificate();
    const { binding, result } = await bind(identity, person);
    const { account: bound, identity: stored } = await result;
    expect(bound.id).toBe(person.id);
    expect(stored).toMatchObject({
      kind: 'certificate',
      subject: identity.subject,
      label: identity.label,
    });
    expect(await codeOf(bindIdentity(test.database, binding, new Date()))).toBe(
      'binding_token_invalid',
    );
    expect((await findBoundAccount(test.database, identity, new Date()))?.id).toBe(person.id);
  });

  it('refuses a wrong password but leaves the token usable, and records the failure', async () => {
    const person = await account();
    const { binding, result } = await bind(certificate(), person, 'Wrong-Horse-1');
    expect(await codeOf(result)).toBe('invalid_credentials');
    const retried = await bindIdentity(test.database, { ...binding, password }, new Date());
    expect(retried.account.id).toBe(person.id);
    const failures = await test.database('auth_events').where({ type: 'bind_failed' });
    expect(failures.some((row) => row.detail.username === person.username)).toBe(true);
  });

  it('honours the login lockout: once locked, even the right password waits', async () => {
    const person = await account();
    const bindingToken = await issueBindingToken(test.database, certificate(), new Date());
    const attempt = (secret: string) =>
      bindIdentity(
        test.database,
        { bindingToken, username: person.username, password: secret, address: address() },
        new Date(),
      );
    for (let i = 1; i < loginThrottlePolicy.accountThreshold; i++) {
      expect(await codeOf(attempt(`Wrong-Horse-${i}`))).toBe('invalid_credentials');
    }
    await expect(attempt('Wrong-Horse-last')).rejects.toBeInstanceOf(LockedError);
    await expect(attempt(password)).rejects.toBeInstanceOf(LockedError);
  });

  it('identity_mismatch: the certificate carries another ID or credit code', async () => {
    const person = await account();
    const other = certificate({ idNumber: '110105198509171232' });
    expect(await codeOf((await bind(other, person)).result)).toBe('identity_mismatch');
    const company = await account({
      kind: 'enterprise',
      profile: { enterpriseName: '某公司', creditCode: '91440300MA5G2R8W81' },
    });
    const wrongCode = certificate({ idNumber: '91440300MA5G2R8W82' });
    expect(await codeOf((await bind(wrongCode, company)).result)).toBe('identity_mismatch');
    const rightCode = certificate({ idNumber: '91440300MA5G2R8W81' });
    expect((await (await bind(rightCode, company)).result).account.id).toBe(company.id);
  });

  it('refuses an identity bound already, a staff account and an expired token', async () => {
    const identity = certificate();
    const [first, second] = [await account(), await account()];
    const early = await issueBindingToken(test.database, identity, new Date());
    await (
      await bind(identity, first)
    ).result;
    const late = { bindingToken: early, username: second.username, password, address: address() };
    expect(await codeOf(bindIdentity(test.database, late, new Date()))).toBe(
      'identity_already_bound',
    );

    const officer = await account({ kind: 'officer', profile: {} });
    expect(await codeOf((await bind(certificate(), officer)).result)).toBe(
      'account_kind_not_allowed',
    );

    const stale = new Date(Date.now() - 11 * 60_000);
    const bindingToken = await issueBindingToken(test.database, certificate(), stale);
    const expired = { bindingToken, username: first.username, password, address: address() };
    expect(await codeOf(bindIdentity(test.database, expired, new Date()))).toBe(
      'binding_token_invalid',
    );
  });

  it('refuses a token of another kind: no unified identity binds as a certificate', async () => {
    const person = await account();
    const sso = certificate({ kind: 'sso', issuer: 'https://id.example.gov', idNumber: undefined });
    const bindingToken = await issueBindingToken(test.database, sso, new Date());
    const binding = { bindingToken, username: person.username, password, address: address() };
    const asCertificate = bindIdentity(
      test.database,
      { ...binding, kind: 'certificate' },
      new Date(),
    );
    expect(await codeOf(asCertificate)).toBe('binding_token_invalid');
    const asSso = await bindIdentity(test.database, { ...binding, kind: 'sso' }, new Date());
    expect(asSso.identity.kind).toBe('sso');
  });
});

describe('the account settings', () => {
  it('lists and unbinds identities, and keeps the trail of both', async () => {
    const person = await account();
    const identity = certificate();
    await (
      await bind(identity, person)
    ).result;
    const [listed] = await listIdentities(test.database, person.id);
    expect(listed).toMatchObject({ subject: identity.subject, details: identity.details });

    const stranger = await account();
    const event = { address: '203.0.113.9', now: new Date() };
    expect(await codeOf(unbindIdentity(test.database, stranger.id, listed!.id, event))).toBe(
      'identity_not_found',
    );
    await unbindIdentity(test.database, person.id, listed!.id, event);
    expect(await listIdentities(test.database, person.id)).toEqual([]);
    expect(await findBoundAccount(test.database, identity, new Date())).toBeNull();
    const trail = await listAuthEvents(test.database, person.id);
    expect(trail.map((e) => `${e.type}/${e.method}`)).toEqual([
      'unbind/certificate',
      'bind/certificate',
    ]);
  });
});
