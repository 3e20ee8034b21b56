import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { type TestDatabase, createTestDatabase } from '../../test/support/test-database';
import { createAccount } from './account';
import { redisSessionStore } from './redis-session-store';
import { type SessionStore, postgresSessionStore, sessionLimits } from './session-store';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let test: TestDatabase;
let redis: Redis;
let prefix: string;

beforeAll(async () => {
  test = await createTestDatabase('postgres');
  redis = new Redis(redisUrl);
  prefix = `matterflow-test-${randomBytes(4).toString('hex')}`;
});

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await test.drop();
});

async function newAccountId(): Promise<string> {
  const account = await createAccount(test.database, {
    username: `s${randomUUID().slice(0, 8)}`,
    password: 'Correct-Horse-9',
    kind: 'individual',
    displayName: '会话测试',
  });
  return account.id;
}

const stores: [string, () => SessionStore][] = [
  ['PostgreSQL', () => postgresSessionStore(test.database)],
  ['Redis', () => redisSessionStore(redis, prefix)],
];

describe.each(stores)('sessions in %s', (_name, store) => {
  const start = new Date('2026-12-04T08:00:00Z');
  const later = (ms: number) => new Date(start.getTime() + ms);

  it('reads back a session by its cookie value, never by the stored id', async () => {
    const accountId = await newAccountId();
    const { sid, session } = await store().create(accountId, 'certificate', start);
    const read = await store().read(sid, later(1000));
    expect(read).toMatchObject({
      accountId,
      authLevel: 'certificate',
      csrfToken: session.csrfToken,
    });
    expect(await store().read(session.id, later(1000))).toBeNull();
  });

  it('ends a session idle for longer than the idle limit', async () => {
    const { sid } = await store().create(null, null, start);
    expect(await store().read(sid, later(sessionLimits.idleMs + 1))).toBeNull();
  });

  it('keeps a session alive while it is used, up to the absolute limit', async () => {
    const { sid } = await store().create(null, null, start);
    const step = sessionLimits.idleMs - 60_000;
    let at = 0;
    while (at + step < sessionLimits.absoluteMs) {
      at += step;
      expect(await store().read(sid, later(at))).not.toBeNull();
    }
    expect(await store().read(sid, later(sessionLimits.absoluteMs))).toBeNull();
  });

  it('destroys one session, then every session of an account', async () => {
    const accountId = await newAccountId();
    const first = await store().create(accountId, 'password', start);
    const second = await store().create(accountId, 'password', start);
    const other = await store().create(await newAccountId(), 'password', start);
    await store().destroy(first.sid);
    expect(await store().read(first.sid, later(1000))).toBeNull();
    expect(await store().destroyAccount(accountId)).toBe(1);
    expect(await store().read(second.sid, later(1000))).toBeNull();
    expect(await store().read(other.sid, later(1000))).not.toBeNull();
  });

  it('answers null for cookie values that are malformed or unknown', async () => {
    expect(await store().read('', start)).toBeNull();
    expect(await store().read('x'.repeat(500), start)).toBeNull();
    expect(await store().read(randomBytes(32).toString('base64url'), start)).toBeNull();
  });
});

it('treats a Redis record that does not parse as no session', async () => {
  const store = redisSessionStore(redis, prefix);
  const { sid, session } = await store.create(null, null);
  await redis.set(`${prefix}:session:${session.id}`, '{not json');
  expect(await store.read(sid)).toBeNull();
});
