import { randomUUID } from 'node:crypto';
import { type TestDatabase, createTestDatabase } from '../../test/support/test-database';
import { createAccount } from './account';
import { sweepExpiredRecords } from './expired-records';
import { postgresSessionStore, sessionLimits } from './session-store';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('postgres');
}, 60_000);
afterAll(() => test.drop());

const now = new Date('2026-12-04T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const hour = 60 * 60_000;

it('removes what can no longer be used and keeps what can', async () => {
  const { database } = test;
  const account = await createAccount(database, {
    username: 'sweep-me',
    password: 'Correct-Horse-9',
    kind: 'individual',
    displayName: '清理',
  });
  await database('captchas').insert([
    { id: 'old', answer_hash: 'x', expires_at: ago(1000) },
    { id: 'live', answer_hash: 'x', expires_at: new Date(now.getTime() + 60_000) },
  ]);
  const sessions = postgresSessionStore(database);
  const idle = await sessions.create(account.id, 'password', ago(sessionLimits.idleMs + 1000));
  const live = await sessions.create(account.id, 'password', ago(1000));
  await database('login_failures').insert([
    { key: 'account:old', failures: 2, lockouts: 0, updated_at: ago(25 * hour) },
    { key: 'account:recent', failures: 2, lockouts: 0, updated_at: ago(hour) },
  ]);
  const recovery = (id: string, expiresAt: Date) => ({
    id,
    account_id: account.id,
    status: 'dead',
    created_at: expiresAt,
    expires_at: expiresAt,
  });
  const [oldRecovery, newRecovery] = [randomUUID(), randomUUID()];
  await database('account_recoveries').insert([
    recovery(oldRecovery, ago(25 * hour)),
    recovery(newRecovery, ago(hour)),
  ]);

  const counts = await sweepExpiredRecords(database, now);

  expect(counts).toEqual({
    captchas: 1,
    sessions: 1,
    loginFailures: 1,
    recoveries: 1,
    bindingTokens: 0,
  });
  expect(await database('captchas').pluck('id')).toEqual(['live']);
  expect(await database('sessions').pluck('id')).toEqual([live.session.id]);
  expect(await database('sessions').pluck('id')).not.toContain(idle.session.id);
  expect(await database('login_failures').pluck('key')).toEqual(['account:recent']);
  expect(await database('account_recoveries').pluck('id')).toEqual([newRecovery]);
});
