import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendEvent } from '../../engine/applications/send-event';
import { type EngineRuntime, createEngineRuntime } from '../../engine/runtime/engine-runtime';
import { createRuntimeQueue, timerJobId } from '../../engine/runtime/runtime-queue';
import { type TestSmtpServer, startTestSmtpServer } from '../support/delivery-fixture';
import { type TestDatabase, createTestDatabase } from '../support/test-database';
import {
  applicant,
  childEnvironment,
  obliterateQueue,
  publishTimedReview,
  sleep,
  spawnWorker,
  startTimedReview,
  stopChild,
  testRuntimeConfig,
  timerEventPattern,
  waitFor,
  workerReady,
} from './runtime-support';

const sharedRedis = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('durable timers across a worker restart', () => {
  let test: TestDatabase;
  let smtp: TestSmtpServer;
  let runtime: EngineRuntime;
  let workerEnv: NodeJS.ProcessEnv;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    [test, smtp] = await Promise.all([createTestDatabase('postgres'), startTestSmtpServer()]);
    await publishTimedReview(test.database);
    const config = testRuntimeConfig({ databaseUrl: test.url, redisUrl: sharedRedis });
    runtime = await createEngineRuntime(config, { migrate: false });
    workerEnv = childEnvironment({
      DATABASE_URL: test.url,
      REDIS_URL: sharedRedis,
      QUEUE_PREFIX: config.queuePrefix,
      SMTP_URL: `${smtp.url}?pool=true`,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'matterflow-worker-')),
      LOG_LEVEL: 'error',
    });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => stopChild(worker, 'SIGKILL')));
    await runtime?.stop();
    await obliterateQueue(sharedRedis, runtime.config.queuePrefix);
    await Promise.all([smtp?.close(), test?.drop()]);
  });

  async function startWorker(): Promise<ChildProcess> {
    const worker = spawnWorker(workerEnv);
    workers.push(worker);
    await workerReady(worker);
    return worker;
  }

  const statusOf = async (id: string) =>
    (await runtime.database('applications').where({ id }).first('status')).status;
  const timerAudits = (id: string) =>
    runtime
      .database('application_events')
      .where({ application_id: id })
      .where('event', 'like', timerEventPattern);

  it('fires a pending timer after the worker restarts, and not one whose state was left', async () => {
    const first = await startWorker();
    const kept = await startTimedReview(runtime.context);
    const left = await startTimedReview(runtime.context);
    for (const application of [kept, left]) {
      await sendEvent(runtime.context, {
        applicationId: application.id,
        actor: applicant,
        type: 'SUBMIT',
      });
    }
    await sendEvent(runtime.context, {
      applicationId: left.id,
      actor: applicant,
      type: 'WITHDRAW',
    });
    await waitFor('the submission mails', () => smtp.received.length === 2);

    await stopChild(first, 'SIGKILL');
    await sleep(2_500);
    expect(await statusOf(kept.id)).toBe('submitted');

    const second = await startWorker();
    await waitFor('the timer to fire', async () => (await statusOf(kept.id)) === 'accepted');
    await waitFor('the acceptance mail', () => smtp.received.length === 3);
    expect(await timerAudits(kept.id)).toHaveLength(1);

    expect(await statusOf(left.id)).toBe('withdrawn');
    expect(await timerAudits(left.id)).toHaveLength(0);
    const leftTimer = await runtime.database('timers').where({ application_id: left.id }).first();
    expect(leftTimer.status).toBe('cancelled');
    const queue = createRuntimeQueue({ redisUrl: sharedRedis, prefix: runtime.config.queuePrefix });
    expect(await queue.getJob(timerJobId(leftTimer.id))).toBeUndefined();
    await queue.close();

    expect(await stopChild(second, 'SIGTERM')).toBe(0);
  }, 30_000);
});
