import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { createLogger } from '../logger';
import { type TestDatabase, createTestDatabase } from '../../test/support/test-database';
import { createBullmqDispatcher } from './bullmq-dispatcher';
import { runtimeQueueName } from './runtime-queue';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Regression: while no worker delivered, the sweep read the first 500 pending rows, queued them,
 * and read the same 500 again, forever, once more than one batch was waiting. The portal then
 * hammered PostgreSQL and Redis and never stopped (a benchmark's portal spun for half an hour).
 */
describe('the BullMQ dispatcher with more pending rows than one batch and no worker', () => {
  let test: TestDatabase;
  const prefix = `mf-test-${randomUUID()}`;
  const rows = 1_234;

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    const pending = Array.from({ length: rows }, (_, i) => ({ kind: 'mail', payload: { i } }));
    await test.database.batchInsert('outbox', pending, 500);
  }, 60_000);
  afterAll(async () => {
    for (const name of [prefix, `${prefix}-cursor`]) {
      const queue = new Queue(runtimeQueueName, { connection: { url: redisUrl }, prefix: name });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await test.drop();
  });

  it('reads only the rows after those it queued at the next wake-up', async () => {
    const dispatcher = createBullmqDispatcher({
      database: test.database,
      logger: createLogger({ level: 'silent' }),
      queue: { redisUrl, prefix: `${prefix}-cursor` },
      sweepMs: 60_000,
      graceMs: 60_000,
    });
    dispatcher.wake();
    await waitForJobs(`${prefix}-cursor`, rows);

    const reads = countOutboxReads(test);
    await test.database('outbox').insert({ kind: 'mail', payload: { i: rows } });
    dispatcher.wake();
    await waitForJobs(`${prefix}-cursor`, rows + 1);
    await dispatcher.stop();
    const readsAfterCursor = reads.stop();
    await test.database('outbox').where('payload', '@>', { i: rows }).delete();
    expect(readsAfterCursor).toBe(1);
  }, 60_000);

  it('queues every row once and stops', async () => {
    const dispatcher = createBullmqDispatcher({
      database: test.database,
      logger: createLogger({ level: 'silent' }),
      queue: { redisUrl, prefix },
      sweepMs: 60_000,
      graceMs: 0,
    });
    dispatcher.wake();
    await dispatcher.stop();

    const queue = new Queue(runtimeQueueName, { connection: { url: redisUrl }, prefix });
    const counts = await queue.getJobCounts('waiting');
    await queue.close();
    expect(counts.waiting).toBe(rows);
  }, 60_000);
});

async function waitForJobs(prefix: string, count: number): Promise<void> {
  const queue = new Queue(runtimeQueueName, { connection: { url: redisUrl }, prefix });
  try {
    for (let attempt = 0; attempt < 300; attempt++) {
      if (((await queue.getJobCounts('waiting')).waiting ?? 0) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`fewer than ${count} jobs were queued`);
  } finally {
    await queue.close();
  }
}

/** Counts the dispatcher's reads of pending outbox rows until stop(). */
function countOutboxReads(test: TestDatabase): { stop(): number } {
  let reads = 0;
  const listener = (query: { sql: string }) => {
    if (/^select .* from "outbox"/i.test(query.sql)) reads++;
  };
  test.database.on('query', listener);
  return {
    stop() {
      test.database.off('query', listener);
      return reads;
    },
  };
}
