import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type TestSmtpServer,
  startTestSmtpServer,
  walkApplication,
} from '../../test/support/delivery-fixture';
import { type EngineFixture, createEngineFixture } from '../../test/support/engine-fixture';
import { databaseKinds } from '../../test/support/test-database';
import {
  applicant,
  publishTimedReview,
  startTimedReview,
  waitFor,
} from '../../test/runtime/runtime-support';
import { sendEvent } from '../applications/send-event';
import { defaultMailFrom } from '../delivery/delivery-config';
import { createDeliveryServices, deliverOutboxRow } from '../delivery/deliver-outbox-row';
import { messageIdOf } from '../delivery/mailer';
import type { EngineContext } from '../engine-context';
import { listFailedOutboxRows } from '../outbox/outbox-store';
import type { Dispatcher } from './dispatcher';
import { createInProcessDispatcher } from './in-process-dispatcher';

const policy = { maxAttempts: 3, baseDelayMs: 300, maxDelayMs: 1_000, leaseMs: 60_000 };

describe.each(databaseKinds)('in-process dispatch on %s', (kind) => {
  let fixture: EngineFixture;
  let smtp: TestSmtpServer;
  let dispatcher: Dispatcher;
  let context: EngineContext;

  beforeAll(async () => {
    fixture = await createEngineFixture(kind);
    await publishTimedReview(fixture.context.database);
    smtp = await startTestSmtpServer();
    const dataDir = mkdtempSync(join(tmpdir(), 'matterflow-dispatch-'));
    const config = { dataDir, smtpUrl: smtp.url, mailFrom: defaultMailFrom };
    const services = createDeliveryServices(
      config,
      fixture.context.database,
      fixture.context.logger,
    );
    context = { ...fixture.context, afterCommit: () => dispatcher.wake() };
    dispatcher = createInProcessDispatcher({
      context,
      deliver: (row) => deliverOutboxRow(services, row),
      policy,
      pollMs: 100,
    });
  }, 60_000);
  afterAll(async () => {
    await dispatcher.stop();
    await smtp.close();
    await fixture.drop();
  });

  const outboxOf = (applicationId: string) =>
    context.database('outbox').where({ application_id: applicationId }).orderBy('id');
  const mailsWith = (messageId: string) =>
    smtp.received.filter((received) => received.mail.messageId === messageId);

  it('delivers every row of a walk once: mails, the receipt, timer rows', async () => {
    const application = await walkApplication(context, ['ACCEPT']);
    await waitFor('the outbox to drain', async () =>
      (await outboxOf(application.id)).every((row) => row.status === 'done'),
    );
    const rows = await outboxOf(application.id);
    expect(rows.map((row) => row.kind)).toEqual(
      expect.arrayContaining(['notify', 'issueDocument', 'timer', 'timer-cancel']),
    );
    const toApplicant = rows.filter(
      (row) => row.kind === 'notify' && row.payload.to.includes('applicant'),
    );
    expect(toApplicant.length).toBeGreaterThanOrEqual(2);
    for (const row of toApplicant) expect(mailsWith(messageIdOf(Number(row.id)))).toHaveLength(1);
    const documents = await context.database('documents').where({ application_id: application.id });
    expect(documents).toHaveLength(1);
  });

  it('fires a due timer from its poll and delivers what the timer event wrote', async () => {
    const application = await startTimedReview(context);
    await sendEvent(context, { applicationId: application.id, actor: applicant, type: 'SUBMIT' });
    await waitFor('the timer to fire', async () => {
      const row = await context.database('applications').where({ id: application.id }).first();
      return row.status === 'accepted';
    });
    await waitFor('both mails', async () => {
      const notify = (await outboxOf(application.id)).filter((row) => row.kind === 'notify');
      return (
        notify.length === 2 &&
        notify.every((row) => mailsWith(messageIdOf(Number(row.id))).length === 1)
      );
    });
  });

  it('backs off while the mail server says try later, then marks the row failed and lists it', async () => {
    const application = await startTimedReview(context, {
      name: '李四',
      email: 'busy@example.test',
    });
    await sendEvent(context, { applicationId: application.id, actor: applicant, type: 'SUBMIT' });
    const firstNotify = async () =>
      (await outboxOf(application.id)).find((row) => row.kind === 'notify');
    await waitFor('a first failed attempt', async () => {
      const row = await firstNotify();
      return row?.attempts === 1 && row.status === 'pending';
    });
    const waiting = await firstNotify();
    expect(waiting).toMatchObject({
      status: 'pending',
      last_error: expect.stringContaining('451'),
    });
    expect(new Date(waiting.available_at).getTime()).toBeGreaterThan(
      new Date(waiting.created_at).getTime(),
    );

    await waitFor('the row to be given up', async () => (await firstNotify())?.status === 'failed');
    const failed = await firstNotify();
    expect(failed.attempts).toBe(policy.maxAttempts);
    const listed = await listFailedOutboxRows(context.database, { applicationId: application.id });
    expect(listed.map((row) => row.id)).toContain(Number(failed.id));
    expect(mailsWith(messageIdOf(Number(failed.id)))).toEqual([]);
  });
});
