import type { Database } from '../database/database';
import type { OutboxRow } from '../delivery/outbox-row';
import type { Logger } from '../logger';
import type { OutboxPolicy } from '../outbox/outbox-policy';
import { completeOutboxRow, failOutboxRow } from '../outbox/outbox-store';
import { type DeliverRow, timerKinds } from './dispatcher';

export interface OutboxProcessing {
  database: Database;
  logger: Logger;
  deliver: DeliverRow;
  policy: OutboxPolicy;
}

export type ProcessOutcome = 'done' | 'retry' | 'failed';

/**
 * Delivers one claimed row and records the result: done, back to pending after a back-off, or
 * failed for good. Timer rows have nothing to deliver here: the timer poller fires timers.
 */
export async function processOutboxRow(
  processing: OutboxProcessing,
  row: OutboxRow,
): Promise<ProcessOutcome> {
  const { database, logger } = processing;
  const ids = { outboxId: row.id, applicationId: row.applicationId, kind: row.kind };
  try {
    if (!timerKinds.includes(row.kind)) await processing.deliver(row);
  } catch (error) {
    const outcome = await failOutboxRow(database, row, error, processing.policy);
    const level = outcome === 'failed' ? 'error' : 'warn';
    logger[level](
      { ...ids, attempts: row.attempts, outcome, err: error },
      'outbox delivery failed',
    );
    return outcome;
  }
  await completeOutboxRow(database, row.id);
  logger.debug({ ...ids, attempts: row.attempts }, 'outbox row delivered');
  return 'done';
}
