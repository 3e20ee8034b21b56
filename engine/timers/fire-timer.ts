import { timerEvent } from '../../definitions/workflow/workflow-step';
import { applyEvent } from '../applications/send-event';
import type { Database } from '../database/database';
import { type EngineContext, systemEngineActor } from '../engine-context';
import { EngineError } from '../engine-error';

/**
 * What fireTimer did: sent its event, fired with nothing to send (a deadline without
 * `onExpiry`), fired but the application refused the event (its state was left meanwhile),
 * skipped (cancelled, paused, already fired or not yet due), or found no such timer.
 */
export type TimerOutcome = 'sent' | 'fired' | 'refused' | 'skipped' | 'missing';

interface TimerRow {
  id: string;
  application_id: string;
  kind: 'after' | 'deadline';
  key: string;
  event: unknown;
  status: string;
  due_at: Date | string | null;
}

/**
 * Fires a durable timer in one transaction: lock the application, then the timer (the order
 * sendEvent takes them in, so the two never deadlock), skip unless it is pending and due, mark
 * it fired and send its event as the system through the same path as any other event. Safe to
 * call twice or from several processes: only the first call finds it pending. A refused event
 * leaves the timer fired; any other error rolls everything back for a later try.
 */
export async function fireTimer(context: EngineContext, timerId: string): Promise<TimerOutcome> {
  const applicationId = await timerApplication(context.database, timerId);
  if (!applicationId) return 'missing';
  const outcome = await context.database.transaction(async (trx) => {
    await trx('applications').where({ id: applicationId }).forUpdate().first('id');
    const timer: TimerRow | undefined = await trx('timers')
      .where({ id: timerId })
      .forUpdate()
      .first();
    if (!timer || !isDue(timer, context.now())) return 'skipped';
    await trx('timers')
      .where({ id: timerId })
      .update({ status: 'fired', updated_at: context.now() });
    const type = eventTypeOf(timer);
    if (!type) return 'fired';
    return sendTimerEvent(trx, context, timer, type);
  });
  if (outcome === 'sent') context.afterCommit();
  context.logger.debug({ timerId, applicationId, outcome }, 'timer handled');
  return outcome;
}

async function timerApplication(database: Database, timerId: string): Promise<string | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(timerId)) return undefined;
  const row = await database('timers').where({ id: timerId }).first('application_id');
  return row?.application_id;
}

function isDue(timer: TimerRow, now: Date): boolean {
  if (timer.status !== 'pending' || timer.due_at === null) return false;
  return new Date(timer.due_at).getTime() <= now.getTime();
}

/** `after` timers send the delayed event XState named; deadlines their `onExpiry`, if any. */
function eventTypeOf(timer: TimerRow): string | null {
  if (timer.kind === 'after') return timerEvent(timer.key).type;
  const event = (typeof timer.event === 'string' ? JSON.parse(timer.event) : timer.event) as {
    type?: unknown;
  } | null;
  return typeof event?.type === 'string' ? event.type : null;
}

/**
 * Sends the event inside a savepoint, so that a refusal rolls back only the event's writes and
 * the timer still counts as fired: a refusal is final, trying again would be refused again.
 */
async function sendTimerEvent(
  trx: Database,
  context: EngineContext,
  timer: TimerRow,
  type: string,
): Promise<TimerOutcome> {
  try {
    await trx.transaction((savepoint) =>
      applyEvent(savepoint, context, {
        applicationId: timer.application_id,
        actor: systemEngineActor,
        type,
      }),
    );
    context.logger.info(
      { timerId: timer.id, applicationId: timer.application_id, event: type },
      'timer fired',
    );
    return 'sent';
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const level = error.code === 'event_not_allowed' ? 'info' : 'error';
    context.logger[level](
      { timerId: timer.id, applicationId: timer.application_id, event: type, code: error.code },
      'timer event refused',
    );
    return 'refused';
  }
}

function isRefusal(error: unknown): error is EngineError {
  return error instanceof EngineError && !(error.kind === 'failure' && error.retryable);
}
