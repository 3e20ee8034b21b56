import {
  type TestDatabase,
  createTestDatabase,
  databaseKinds,
} from '../../test/support/test-database';
import { failure } from '../engine-error';
import { type OutboxPolicy, defaultOutboxPolicy } from './outbox-policy';
import {
  claimOutboxRow,
  claimOutboxRows,
  completeOutboxRow,
  failOutboxRow,
  listFailedOutboxRows,
  pendingOutboxRows,
  reclaimStaleOutboxRows,
  retryFailedOutboxRows,
} from './outbox-store';

const policy: OutboxPolicy = { ...defaultOutboxPolicy, maxAttempts: 2, baseDelayMs: 60_000 };
const busy = failure('mail_send_failed', 'try again later', true);
const refused = failure('mail_rejected', 'no such mailbox', false);

describe.each(databaseKinds)('the outbox store on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  }, 60_000);
  afterAll(() => test.drop());
  beforeEach(() => test.database('outbox').delete());

  async function insertRows(count: number): Promise<number[]> {
    const rows = Array.from({ length: count }, (_, index) => ({
      kind: 'notify',
      payload: JSON.stringify({ index }),
    }));
    const ids = await test.database('outbox').insert(rows).returning('id');
    return ids.map((row: { id: number | string }) => Number(row.id));
  }

  const statusOf = async (id: number) =>
    test.database('outbox').where({ id }).first('status', 'attempts', 'last_error', 'available_at');

  it('hands each pending row to one claimer only, oldest first', async () => {
    const ids = await insertRows(5);
    const [first, second] = await Promise.all([
      claimOutboxRows(test.database, 3),
      claimOutboxRows(test.database, 3),
    ]);
    const claimed = [...first, ...second].map((row) => row.id).sort((a, b) => a - b);
    expect(claimed).toEqual(ids);
    expect(first[0]).toMatchObject({ kind: 'notify', attempts: 1, applicationId: null });
    expect(await claimOutboxRows(test.database, 3)).toEqual([]);
  });

  it('claims a queued row by id only while it is pending', async () => {
    const [id] = await insertRows(1);
    const row = await claimOutboxRow(test.database, id!);
    expect(row).toMatchObject({ id, attempts: 1, payload: { index: 0 } });
    expect(await claimOutboxRow(test.database, id!)).toBeUndefined();
    await completeOutboxRow(test.database, id!);
    expect(await statusOf(id!)).toMatchObject({ status: 'done' });
    expect(await claimOutboxRow(test.database, id!)).toBeUndefined();
  });

  it('drops the text of a secret payload once delivered, and only then', async () => {
    const secret = { channel: 'sms', to: '13800138000', text: '验证码 123456', secret: true };
    const [row] = await test
      .database('outbox')
      .insert([
        { kind: 'message', payload: JSON.stringify(secret) },
        { kind: 'message', payload: JSON.stringify({ ...secret, secret: undefined }) },
      ])
      .returning('id');
    const ids = (await test.database('outbox').orderBy('id').pluck('id')).map(Number);
    expect(Number(row.id)).toBe(ids[0]);
    const payloadOf = async (id: number) => {
      const { payload } = await test.database('outbox').where({ id }).first('payload');
      return typeof payload === 'string' ? JSON.parse(payload) : payload;
    };
    expect((await payloadOf(ids[0]!)).text).toBe('验证码 123456');
    for (const id of ids) await completeOutboxRow(test.database, id);
    expect(await payloadOf(ids[0]!)).toMatchObject({
      to: '13800138000',
      text: expect.not.stringContaining('123456'),
    });
    expect((await payloadOf(ids[1]!)).text).toBe('验证码 123456');
  });

  it('backs off after a retryable failure and gives up after the last attempt, keeping the row', async () => {
    const [id] = await insertRows(1);
    const firstTry = (await claimOutboxRow(test.database, id!))!;
    expect(await failOutboxRow(test.database, firstTry, busy, policy)).toBe('retry');
    const waiting = await statusOf(id!);
    expect(waiting).toMatchObject({
      status: 'pending',
      last_error: expect.stringContaining('mail_send_failed'),
    });
    expect(new Date(waiting.available_at).getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await claimOutboxRow(test.database, id!)).toBeUndefined();
    expect(
      await pendingOutboxRows(test.database, { olderThanMs: 0, limit: 10, payloadOf: [] }),
    ).toEqual([]);

    await test.database('outbox').where({ id }).update({ available_at: test.database.fn.now() });
    const lastTry = (await claimOutboxRow(test.database, id!))!;
    expect(lastTry.attempts).toBe(2);
    expect(await failOutboxRow(test.database, lastTry, busy, policy)).toBe('failed');
    const failed = await listFailedOutboxRows(test.database);
    expect(failed).toEqual([
      expect.objectContaining({ id, status: 'failed', attempts: 2, lastError: expect.any(String) }),
    ]);
  });

  it('marks a failure that cannot pass failed at once', async () => {
    const [id] = await insertRows(1);
    const row = (await claimOutboxRow(test.database, id!))!;
    expect(await failOutboxRow(test.database, row, refused, policy)).toBe('failed');
    expect(await statusOf(id!)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('retries failed rows for an administrator with a fresh count of attempts', async () => {
    const ids = await insertRows(2);
    for (const row of await claimOutboxRows(test.database, 2)) {
      await failOutboxRow(test.database, row, refused, policy);
    }
    expect(await retryFailedOutboxRows(test.database, [ids[1]!])).toEqual([ids[1]]);
    expect(await statusOf(ids[1]!)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await listFailedOutboxRows(test.database)).map((row) => row.id)).toEqual([ids[0]]);
    expect(await retryFailedOutboxRows(test.database)).toEqual([ids[0]]);
  });

  it('takes back a claim older than the lease', async () => {
    const [id] = await insertRows(1);
    await claimOutboxRow(test.database, id!);
    expect(await reclaimStaleOutboxRows(test.database, 60_000)).toBe(0);
    await test
      .database('outbox')
      .where({ id })
      .update({ claimed_at: test.database.raw(`now() - interval '2 minutes'`) });
    expect(await reclaimStaleOutboxRows(test.database, 60_000)).toBe(1);
    expect(await statusOf(id!)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await claimOutboxRow(test.database, id!))?.attempts).toBe(2);
  });
});
