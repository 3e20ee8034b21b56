import { walkApplication } from '../../test/support/delivery-fixture';
import { type EngineFixture, createEngineFixture } from '../../test/support/engine-fixture';
import { databaseKinds } from '../../test/support/test-database';
import {
  applicant,
  publishTimedReview,
  startTimedReview,
  timerEventPattern,
} from '../../test/runtime/runtime-support';
import { sendEvent } from '../applications/send-event';
import { dueTimers } from './due-timers';
import { fireTimer } from './fire-timer';

const day = 24 * 3600 * 1000;

describe.each(databaseKinds)('durable timers on %s', (kind) => {
  let fixture: EngineFixture;
  beforeAll(async () => {
    fixture = await createEngineFixture(kind);
    await publishTimedReview(fixture.context.database);
  }, 60_000);
  afterAll(() => fixture.drop());
  afterEach(() => fixture.setNow(new Date()));

  const database = () => fixture.context.database;
  const later = (ms: number) => fixture.setNow(new Date(Date.now() + ms));

  async function submitted() {
    const application = await startTimedReview(fixture.context);
    await sendEvent(fixture.context, {
      applicationId: application.id,
      actor: applicant,
      type: 'SUBMIT',
    });
    const timer = await database()('timers').where({ application_id: application.id }).first();
    return { applicationId: application.id, timerId: timer.id as string };
  }

  const timerAudits = (applicationId: string) =>
    database()('application_events')
      .where({ application_id: applicationId })
      .where('event', 'like', timerEventPattern)
      .select('event', 'actor_kind', 'to_status');

  it('fires a due `after` timer once, as the system, through the event path', async () => {
    const { applicationId, timerId } = await submitted();
    expect(await fireTimer(fixture.context, timerId)).toBe('skipped');
    later(3_000);
    expect(await dueTimers(database(), fixture.context.now(), 100)).toContain(timerId);
    const wakeUps = fixture.wakeUps();
    expect(await fireTimer(fixture.context, timerId)).toBe('sent');
    expect(fixture.wakeUps()).toBe(wakeUps + 1);
    expect(await fireTimer(fixture.context, timerId)).toBe('skipped');

    const application = await database()('applications').where({ id: applicationId }).first();
    expect(application.status).toBe('accepted');
    expect(await timerAudits(applicationId)).toEqual([
      expect.objectContaining({ actor_kind: 'system', to_status: 'accepted' }),
    ]);
    expect(await database()('timers').where({ id: timerId }).first()).toMatchObject({
      status: 'fired',
    });
    const mails = await database()('outbox').where({
      application_id: applicationId,
      kind: 'notify',
    });
    expect(mails).toHaveLength(2);
  });

  it('does not fire a timer whose state was left', async () => {
    const { applicationId, timerId } = await submitted();
    await sendEvent(fixture.context, { applicationId, actor: applicant, type: 'WITHDRAW' });
    later(3_000);
    expect(await dueTimers(database(), fixture.context.now(), 100)).not.toContain(timerId);
    expect(await fireTimer(fixture.context, timerId)).toBe('skipped');
    expect(await timerAudits(applicationId)).toEqual([]);
  });

  it('keeps a timer fired when the application refuses its event, writing nothing else', async () => {
    const { applicationId, timerId } = await submitted();
    await sendEvent(fixture.context, { applicationId, actor: applicant, type: 'WITHDRAW' });
    // As if the cancellation had been lost: the timer is pending while its state is gone.
    await database()('timers').where({ id: timerId }).update({ status: 'pending' });
    later(3_000);
    expect(await fireTimer(fixture.context, timerId)).toBe('refused');
    expect(await database()('timers').where({ id: timerId }).first()).toMatchObject({
      status: 'fired',
    });
    const application = await database()('applications').where({ id: applicationId }).first();
    expect(application).toMatchObject({ status: 'withdrawn' });
    expect(await timerAudits(applicationId)).toEqual([]);
  });

  it('sends a deadline’s onExpiry event when it runs out', async () => {
    const application = await walkApplication(fixture.context, ['ACCEPT']);
    const deadline = await database()('timers')
      .where({ application_id: application.id, kind: 'deadline', status: 'pending' })
      .first();
    later(16 * day);
    expect(await fireTimer(fixture.context, deadline.id)).toBe('sent');
    const after = await database()('applications').where({ id: application.id }).first();
    expect(after.status).toBe('approved');
    const last = await database()('application_events')
      .where({ application_id: application.id })
      .orderBy('seq', 'desc')
      .first();
    expect(last).toMatchObject({ event: 'DEADLINE_EXPIRED', actor_kind: 'system' });
  });

  it('answers missing for an unknown timer', async () => {
    expect(await fireTimer(fixture.context, 'not-a-timer')).toBe('missing');
    expect(await fireTimer(fixture.context, '00000000-0000-4000-8000-000000000000')).toBe(
      'missing',
    );
  });
});
