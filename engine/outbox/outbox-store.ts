import type { Database } from '../database/database';
import type { OutboxRow } from '../delivery/outbox-row';
import { EngineError } from '../engine-error';
import { type OutboxPolicy, retryDelayMs } from './outbox-policy';

export type OutboxStatus = 'pending' | 'processing' | 'done' | 'failed';

/** An outbox row with its bookkeeping, as an administrator lists it. */
export interface OutboxRecord extends OutboxRow {
  status: OutboxStatus;
  lastError: string | null;
  availableAt: Date;
  createdAt: Date;
  claimedAt: Date | null;
  completedAt: Date | null;
}

/** What became of a delivery that threw: tried again later, or given up and left visible. */
export type FailOutcome = 'retry' | 'failed';

interface OutboxTableRow {
  id: number | string;
  application_id: string | null;
  kind: string;
  payload: unknown;
  status: string;
  attempts: number | string;
  last_error: string | null;
  available_at: Date;
  created_at: Date;
  claimed_at: Date | null;
  completed_at: Date | null;
}

/**
 * Claims up to `limit` pending rows whose time has come, oldest first, for this process alone:
 * concurrent claimers skip each other's locked rows, so no row is handed out twice.
 */
export async function claimOutboxRows(database: Database, limit: number): Promise<OutboxRow[]> {
  const ready = database('outbox')
    .select('id')
    .where('status', 'pending')
    .where('available_at', '<=', database.fn.now())
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  const rows: OutboxTableRow[] = await database('outbox')
    .whereIn('id', ready)
    .update(claimUpdate(database))
    .returning('*');
  return rows.map(outboxRowFrom).sort((a, b) => a.id - b.id);
}

/**
 * Claims one row for a queued job; undefined when the row is gone, already claimed, done, failed
 * or still waiting out its back-off. That makes a second delivery of the same job a no-op.
 */
export async function claimOutboxRow(
  database: Database,
  id: number,
): Promise<OutboxRow | undefined> {
  const [row]: OutboxTableRow[] = await database('outbox')
    .where({ id, status: 'pending' })
    .where('available_at', '<=', database.fn.now())
    .update(claimUpdate(database))
    .returning('*');
  return row ? outboxRowFrom(row) : undefined;
}

const withoutSecretText =
  `case when payload \\? 'secret' ` +
  `then payload || '{"text": "(removed after delivery)"}' else payload end`;

/**
 * Marks a row delivered; a row already done or failed stays as it is. A payload marked
 * `secret` (a verification code) loses its text once delivered, so the outbox does not keep
 * codes that an administrator listing rows could read.
 */
export async function completeOutboxRow(database: Database, id: number): Promise<boolean> {
  const updated = await database('outbox')
    .where({ id })
    .whereIn('status', ['pending', 'processing'])
    .update({
      status: 'done',
      completed_at: database.fn.now(),
      last_error: null,
      payload: database.raw(withoutSecretText),
    });
  return Number(updated) > 0;
}

/**
 * Records a failed delivery of a claimed row. A retryable failure with attempts left goes back
 * to pending after an exponential back-off with jitter; anything else is marked `failed` with
 * its error, where listFailedOutboxRows shows it, never dropped.
 */
export async function failOutboxRow(
  database: Database,
  row: OutboxRow,
  error: unknown,
  policy: OutboxPolicy,
): Promise<FailOutcome> {
  const message = describeFailure(error);
  if (isRetryable(error) && row.attempts < policy.maxAttempts) {
    const delayMs = retryDelayMs(row.attempts, policy);
    await database('outbox')
      .where({ id: row.id, status: 'processing' })
      .update({
        status: 'pending',
        last_error: message,
        claimed_at: null,
        available_at: database.raw(`now() + ? * interval '1 millisecond'`, [delayMs]),
      });
    return 'retry';
  }
  await database('outbox')
    .where({ id: row.id, status: 'processing' })
    .update({ status: 'failed', last_error: message, completed_at: database.fn.now() });
  return 'failed';
}

/** Marks a row failed without a claim, for a row that cannot be handled at all. */
export async function markOutboxRowFailed(
  database: Database,
  id: number,
  message: string,
): Promise<void> {
  await database('outbox')
    .where({ id })
    .whereIn('status', ['pending', 'processing'])
    .update({ status: 'failed', last_error: message, completed_at: database.fn.now() });
}

/**
 * Gives back rows whose claim is older than the lease: the process that claimed them died or
 * hung. The attempt they used counts. Returns how many went back to pending.
 */
export async function reclaimStaleOutboxRows(database: Database, leaseMs: number): Promise<number> {
  const updated = await database('outbox')
    .where('status', 'processing')
    .where('claimed_at', '<', database.raw(`now() - ? * interval '1 millisecond'`, [leaseMs]))
    .update({ status: 'pending', claimed_at: null, available_at: database.fn.now() });
  return Number(updated);
}

/**
 * Pending rows whose time came at least `olderThanMs` ago, oldest first, without claiming them:
 * what a publisher hands to the job queue (the job id dedupes) or a sweeper hands again. Only
 * the kinds named in `payloadOf` come with their payload; the others carry `{}`, since a job
 * needs only the id and payloads with their template context are large.
 */
export async function pendingOutboxRows(
  database: Database,
  options: { olderThanMs: number; limit: number; payloadOf: readonly string[]; afterId?: number },
): Promise<OutboxRow[]> {
  const kinds = options.payloadOf.length > 0 ? options.payloadOf : [''];
  const payload = database.raw(
    `case when kind in (${kinds.map(() => '?').join(', ')}) then payload else '{}'::jsonb end as payload`,
    kinds,
  );
  const rows: OutboxTableRow[] = await database('outbox')
    .select('id', 'application_id', 'kind', 'attempts', payload)
    .where('status', 'pending')
    .where(
      'available_at',
      '<=',
      database.raw(`now() - ? * interval '1 millisecond'`, [options.olderThanMs]),
    )
    .where('id', '>', options.afterId ?? 0)
    .orderBy('id')
    .limit(options.limit);
  return rows.map(outboxRowFrom);
}

/** Rows given up on, newest first, for an administrator to read and retry. */
export async function listFailedOutboxRows(
  database: Database,
  options: { limit?: number; applicationId?: string } = {},
): Promise<OutboxRecord[]> {
  const query = database('outbox').where('status', 'failed');
  if (options.applicationId) query.where('application_id', options.applicationId);
  const rows: OutboxTableRow[] = await query.orderBy('id', 'desc').limit(options.limit ?? 100);
  return rows.map(outboxRecordFrom);
}

/**
 * Puts failed rows (all, or those named) back to pending with a fresh count of attempts, so the
 * dispatcher delivers them again. Returns the ids it revived; call the dispatcher's wake after.
 */
export async function retryFailedOutboxRows(database: Database, ids?: number[]): Promise<number[]> {
  const query = database('outbox').where('status', 'failed');
  if (ids) query.whereIn('id', ids);
  const rows: { id: number | string }[] = await query
    .update({
      status: 'pending',
      attempts: 0,
      available_at: database.fn.now(),
      claimed_at: null,
      completed_at: null,
    })
    .returning('id');
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

function claimUpdate(database: Database) {
  return {
    status: 'processing',
    attempts: database.raw('attempts + 1'),
    claimed_at: database.fn.now(),
  };
}

function isRetryable(error: unknown): boolean {
  // Only an EngineError says it is safe to stop; anything else (a dropped connection, a bug that
  // a deploy fixes) is worth another attempt within the limit.
  if (error instanceof EngineError) return error.kind === 'failure' && error.retryable;
  return true;
}

function describeFailure(error: unknown): string {
  if (error instanceof EngineError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function outboxRowFrom(row: OutboxTableRow): OutboxRow {
  return {
    id: Number(row.id),
    applicationId: row.application_id,
    kind: row.kind,
    payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<
      string,
      unknown
    >,
    attempts: Number(row.attempts),
  };
}

function outboxRecordFrom(row: OutboxTableRow): OutboxRecord {
  return {
    ...outboxRowFrom(row),
    status: row.status as OutboxStatus,
    lastError: row.last_error,
    availableAt: row.available_at,
    createdAt: row.created_at,
    claimedAt: row.claimed_at,
    completedAt: row.completed_at,
  };
}
