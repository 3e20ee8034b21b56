import type { EngineContext } from '../engine-context';
import { type OutboxPolicy, defaultOutboxPolicy } from '../outbox/outbox-policy';
import { claimOutboxRows, reclaimStaleOutboxRows } from '../outbox/outbox-store';
import { dueTimers } from '../timers/due-timers';
import { fireTimer } from '../timers/fire-timer';
import { coalescingTask } from './coalescing-task';
import type { DeliverRow, Dispatcher } from './dispatcher';
import { processOutboxRow } from './process-outbox-row';

export interface InProcessDispatcherOptions {
  /** The engine context timers fire with; its afterCommit should call this dispatcher's wake. */
  context: EngineContext;
  deliver: DeliverRow;
  policy?: OutboxPolicy;
  /** How often rows whose back-off ran out and due timers are looked for; default 1 s. */
  pollMs?: number;
  /** Rows claimed and delivered together; default 16. */
  batchSize?: number;
}

/**
 * Delivery without Redis: wake() drains the outbox in this process (claim, deliver, complete or
 * fail), and a poll delivers rows whose back-off ran out, fires due timers and takes back rows
 * of a claim that never finished. Timer rows of the outbox are just completed: the timers table
 * is what the poll reads.
 *
 * @example
 * const dispatcher = createInProcessDispatcher({ context, deliver: (row) => deliverOutboxRow(services, row) });
 * // context.afterCommit = () => dispatcher.wake();
 */
export function createInProcessDispatcher(options: InProcessDispatcherOptions): Dispatcher {
  const { context } = options;
  const { database, logger } = context;
  const policy = options.policy ?? defaultOutboxPolicy;
  const batchSize = options.batchSize ?? 16;
  const processing = { database, logger, deliver: options.deliver, policy };
  let stopped = false;

  const drain = coalescingTask(
    async () => {
      while (!stopped) {
        const rows = await claimOutboxRows(database, batchSize);
        if (rows.length === 0) return;
        await Promise.all(rows.map((row) => processOutboxRow(processing, row)));
      }
    },
    (error) => logger.error({ err: error }, 'outbox drain failed'),
  );

  const poll = coalescingTask(
    async () => {
      await reclaimStaleOutboxRows(database, policy.leaseMs);
      await fireDueTimers(context, () => stopped);
      drain.run();
    },
    (error) => logger.error({ err: error }, 'outbox poll failed'),
  );

  const interval = setInterval(() => poll.run(), options.pollMs ?? 1_000);
  poll.run();

  return {
    mode: 'in-process',
    wake() {
      if (!stopped) drain.run();
    },
    async stop() {
      stopped = true;
      clearInterval(interval);
      await poll.idle();
      await drain.idle();
    },
  };
}

/** Fires every due timer, one at a time; one that fails is logged and tried at the next poll. */
async function fireDueTimers(context: EngineContext, stopped: () => boolean): Promise<void> {
  for (;;) {
    const ids = await dueTimers(context.database, context.now(), 32);
    let progressed = false;
    for (const id of ids) {
      if (stopped()) return;
      try {
        if ((await fireTimer(context, id)) !== 'skipped') progressed = true;
      } catch (error) {
        context.logger.error({ timerId: id, err: error }, 'timer firing failed');
      }
    }
    if (!progressed || ids.length < 32) return;
  }
}
