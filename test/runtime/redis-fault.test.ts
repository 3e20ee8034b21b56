import { sendEvent } from '../../engine/applications/send-event';
import { type EngineRuntime, createEngineRuntime } from '../../engine/runtime/engine-runtime';
import { type TestSmtpServer, startTestSmtpServer } from '../support/delivery-fixture';
import { type TestDatabase, createTestDatabase } from '../support/test-database';
import {
  type TestRedisServer,
  applicant,
  countRows,
  publishTimedReview,
  sleep,
  startTestRedis,
  startTimedReview,
  testRuntimeConfig,
  waitFor,
} from './runtime-support';

const applications = 200;

describe('Redis stopped while transitions commit', () => {
  let test: TestDatabase;
  let redis: TestRedisServer;
  let smtp: TestSmtpServer;
  let runtime: EngineRuntime;

  beforeAll(async () => {
    [test, redis, smtp] = await Promise.all([
      createTestDatabase('postgres'),
      startTestRedis(),
      startTestSmtpServer(),
    ]);
    await publishTimedReview(test.database);
    const config = testRuntimeConfig({ databaseUrl: test.url, redisUrl: redis.url });
    config.delivery.smtpUrl = `${smtp.url}?pool=true`;
    runtime = await createEngineRuntime(config, { migrate: false });
    runtime.startWorker();
  }, 60_000);
  afterAll(async () => {
    await runtime?.stop();
    await Promise.all([redis?.stop(), smtp?.close(), test?.drop()]);
  });

  it('delivers every notification exactly once after Redis is back', async () => {
    const context = runtime.context;
    const drafts = [];
    for (let index = 0; index < applications; index++) drafts.push(await startTimedReview(context));

    await redis.stop();
    for (const draft of drafts) {
      await sendEvent(context, { applicationId: draft.id, actor: applicant, type: 'SUBMIT' });
    }
    const pending = () => countRows(context.database('outbox').where('status', 'pending').count());
    expect(await pending()).toBe(2 * applications);
    await sleep(1_000);
    expect(smtp.received).toHaveLength(0);

    await redis.start();
    // Each application mails twice: at submission, and when its PT2S timer accepts it.
    await waitFor('every mail', () => smtp.received.length >= 2 * applications, 25_000);
    await waitFor('an empty outbox', async () => (await pending()) === 0, 5_000);
    await sleep(1_000);

    const messageIds = smtp.received.map((received) => received.mail.messageId);
    expect(messageIds).toHaveLength(2 * applications);
    expect(new Set(messageIds).size).toBe(2 * applications);
    const notifyRows = await context.database('outbox').where({ kind: 'notify' }).pluck('id');
    expect(messageIds.sort()).toEqual(notifyRows.map((id) => `<outbox-${id}@matterflow>`).sort());
    const unfinished = await context.database('outbox').whereNot('status', 'done').count();
    expect(Number(unfinished[0]?.count)).toBe(0);
  }, 45_000);
});
