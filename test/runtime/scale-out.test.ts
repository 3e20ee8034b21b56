import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestSmtpServer, startTestSmtpServer } from '../support/delivery-fixture';
import { type TestDatabase, createTestDatabase } from '../support/test-database';
import {
  type EngineProcess,
  childEnvironment,
  countRows,
  forkEngineProcess,
  obliterateQueue,
  publishTimedReview,
  sleep,
  spawnWorker,
  stopChild,
  timerEventPattern,
  uniqueQueuePrefix,
  waitFor,
  workerReady,
} from './runtime-support';

const sharedRedis = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const perEngine = 15;

describe('two engine processes and two workers on one database and Redis', () => {
  let test: TestDatabase;
  let smtp: TestSmtpServer;
  let engines: EngineProcess[] = [];
  let workers: ChildProcess[] = [];
  const prefix = uniqueQueuePrefix();

  beforeAll(async () => {
    [test, smtp] = await Promise.all([createTestDatabase('postgres'), startTestSmtpServer()]);
    await publishTimedReview(test.database);
    const env = childEnvironment({
      DATABASE_URL: test.url,
      REDIS_URL: sharedRedis,
      QUEUE_PREFIX: prefix,
      SMTP_URL: `${smtp.url}?pool=true`,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'matterflow-scale-')),
      LOG_LEVEL: 'error',
    });
    workers = [spawnWorker(env), spawnWorker(env)];
    [engines] = await Promise.all([
      Promise.all([forkEngineProcess(env), forkEngineProcess(env)]),
      ...workers.map(workerReady),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(engines.map((engine) => engine.stop()));
    await Promise.all(workers.map((worker) => stopChild(worker, 'SIGTERM')));
    await obliterateQueue(sharedRedis, prefix);
    await Promise.all([smtp?.close(), test?.drop()]);
  });

  it('fires every timer once and sends every notification once', async () => {
    const [one, two] = engines as [EngineProcess, EngineProcess];
    const ids = (await Promise.all([one.start(perEngine), two.start(perEngine)])).flat();
    // Each engine submits applications the other started, then withdraws a few of the other's.
    const even = ids.filter((_, index) => index % 2 === 0);
    const odd = ids.filter((_, index) => index % 2 === 1);
    await Promise.all([one.send(even, 'SUBMIT'), two.send(odd, 'SUBMIT')]);
    const withdrawn = [...even.slice(0, 3), ...odd.slice(0, 3)];
    await Promise.all([
      two.send(even.slice(0, 3), 'WITHDRAW'),
      one.send(odd.slice(0, 3), 'WITHDRAW'),
    ]);
    const accepted = ids.filter((id) => !withdrawn.includes(id));

    const mails = ids.length + accepted.length;
    await waitFor('every mail', () => smtp.received.length >= mails, 20_000);
    const unfinished = () =>
      countRows(test.database('outbox').whereIn('status', ['pending', 'processing']).count());
    await waitFor('an empty outbox', async () => (await unfinished()) === 0, 5_000);
    await sleep(1_000);

    const audits = await test
      .database('application_events')
      .where('event', 'like', timerEventPattern)
      .select('application_id');
    expect(audits.map((row) => row.application_id).sort()).toEqual([...accepted].sort());
    const statuses = await test.database('applications').whereIn('id', ids).pluck('status');
    expect(statuses.filter((status) => status === 'accepted')).toHaveLength(accepted.length);

    const messageIds = smtp.received.map((received) => received.mail.messageId);
    expect(messageIds).toHaveLength(mails);
    expect(new Set(messageIds).size).toBe(mails);
    expect(await countRows(test.database('outbox').where('status', 'failed').count())).toBe(0);
  }, 30_000);
});
