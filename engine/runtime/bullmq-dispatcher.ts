import type { Job, Queue } from 'bullmq';
import type { Database } from '../database/database';
import type { OutboxRow } from '../delivery/outbox-row';
import type { Logger } from '../logger';
import { type OutboxPolicy, defaultOutboxPolicy } from '../outbox/outbox-policy';
import {
  completeOutboxRow,
  markOutboxRowFailed,
  pendingOutboxRows,
  reclaimStaleOutboxRows,
} from '../outbox/outbox-store';
import { dueTimers } from '../timers/due-timers';
import { coalescingTask } from './coalescing-task';
import { type Dispatcher, timerKinds } from './dispatcher';
import {
  type DeliverJobData,
  type FireJobData,
  type QueueLocation,
  createRuntimeQueue,
  deliverJob,
  fireJob,
  outboxJobId,
  timerJobId,
  withTimeout,
} from './runtime-queue';

export interface BullmqDispatcherOptions {
  database: Database;
  logger: Logger;
  queue: QueueLocation;
  policy?: OutboxPolicy;
  /** How often the sweeper runs; default 3 s. */
  sweepMs?: number;
  /** Rows and due timers the sweeper hands again once they are this old; default 3 s. */
  graceMs?: number;
  now?: () => Date;
}

const batchSize = 500;
const redisTimeoutMs = 5_000;

/**
 * The producer side of BullMQ delivery. wake() queues pending outbox rows as jobs whose id is
 * the outbox id, turns `timer` rows into delayed jobs and `timer-cancel` rows into removals.
 * While Redis is away that fails and the rows stay pending; a sweeper (every few seconds) hands
 * again whatever is still pending after a grace period, due timers included, and takes back
 * claims that never finished, so nothing is lost. Workers (worker.ts) consume the jobs.
 */
export function createBullmqDispatcher(options: BullmqDispatcherOptions): Dispatcher {
  const { database, logger } = options;
  const policy = options.policy ?? defaultOutboxPolicy;
  const graceMs = options.graceMs ?? 3_000;
  const now = options.now ?? (() => new Date());
  const queue = createRuntimeQueue(options.queue);
  const health = queueHealth(logger);
  const recent = recentlyQueued(graceMs);
  let stopped = false;
  queue.on('error', (error) => health.failed(error));

  const publisher = { queue, database, logger, now, recent };
  // A wake-up reads only the rows after the last one a wake-up queued, so a backlog the workers
  // have not reached yet is not read again at every commit. A row that failed to queue, or that
  // committed after a higher id was queued, is still pending: the sweeper hands it over.
  let wakeCursor = 0;
  const wake = coalescingTask(
    async () => {
      wakeCursor = await publishPending(publisher, 0, wakeCursor);
      health.ok();
    },
    (error) => health.failed(error),
  );
  // While publishing fails, wake-ups leave the rows to the sweeper rather than fail once per
  // commit; the sweeper's first success makes wake-ups publish again.
  const wakeWhileHealthy = () => {
    if (health.healthy()) wake.run();
  };
  const sweep = coalescingTask(
    async () => {
      await reclaimStaleOutboxRows(database, policy.leaseMs);
      await publishPending(publisher, graceMs);
      await queueDueTimers(publisher, graceMs);
      health.ok();
    },
    (error) => health.failed(error),
  );
  const interval = setInterval(() => sweep.run(), options.sweepMs ?? 3_000);
  sweep.run();

  return {
    mode: 'bullmq',
    wake() {
      if (!stopped) wakeWhileHealthy();
    },
    async stop() {
      stopped = true;
      clearInterval(interval);
      await Promise.all([wake.idle(), sweep.idle()]);
      await withTimeout(queue.close(), redisTimeoutMs, 'closing the job queue').catch(() => {});
    },
  };
}

interface Publisher {
  queue: Queue;
  database: Database;
  logger: Logger;
  now: () => Date;
  recent: RecentlyQueued;
}

/**
 * Queues pending rows at least `olderThanMs` old with ids above `startAfter`, in batches, timer
 * rows in outbox order; answers the last id it read.
 */
async function publishPending(
  publisher: Publisher,
  olderThanMs: number,
  startAfter = 0,
): Promise<number> {
  // Rows stay pending until a worker delivers them, so each batch starts after the last one:
  // reading from the top again would find the same rows forever while the workers are behind.
  let afterId = startAfter;
  for (;;) {
    const rows = await pendingOutboxRows(publisher.database, {
      olderThanMs,
      limit: batchSize,
      payloadOf: timerKinds,
      afterId,
    });
    afterId = rows.at(-1)?.id ?? afterId;
    const deliveries = rows.filter((row) => !timerKinds.includes(row.kind));
    await queueDeliveries(publisher, deliveries, olderThanMs > 0);
    for (const row of rows) {
      if (timerKinds.includes(row.kind)) await scheduleTimerRow(publisher, row);
    }
    if (rows.length < batchSize) return afterId;
  }
}

async function queueDeliveries(publisher: Publisher, rows: OutboxRow[], again: boolean) {
  const fresh = again ? rows : rows.filter((row) => !publisher.recent.has(row.id));
  if (fresh.length === 0) return;
  const jobs = fresh.map((row) => ({
    name: deliverJob,
    data: { outboxId: row.id } satisfies DeliverJobData,
    opts: { jobId: outboxJobId(row.id) },
  }));
  await withTimeout(publisher.queue.addBulk(jobs), redisTimeoutMs, 'queueing outbox rows');
  publisher.recent.add(fresh.map((row) => row.id));
  publisher.logger.debug({ count: fresh.length }, 'outbox rows queued');
}

/**
 * A `timer` row becomes a job delayed until the timer is due; a `timer-cancel` row removes that
 * job. A job already running is left alone: fireTimer finds the timer cancelled and skips it.
 */
async function scheduleTimerRow(publisher: Publisher, row: OutboxRow): Promise<void> {
  const timerId = row.payload.timerId;
  if (typeof timerId !== 'string') {
    await markOutboxRowFailed(publisher.database, row.id, 'timer row without a timerId');
    return;
  }
  if (row.kind === 'timer') {
    const dueAt = Date.parse(String(row.payload.dueAt));
    const delay = Number.isNaN(dueAt) ? 0 : Math.max(0, dueAt - publisher.now().getTime());
    await queueFire(publisher.queue, timerId, delay);
  } else {
    await removeTimerJob(publisher.queue, timerId);
  }
  await completeOutboxRow(publisher.database, row.id);
}

async function queueFire(queue: Queue, timerId: string, delay: number): Promise<void> {
  const data: FireJobData = { timerId };
  await withTimeout(
    queue.add(fireJob, data, { jobId: timerJobId(timerId), delay }),
    redisTimeoutMs,
    'queueing a timer',
  );
}

async function removeTimerJob(queue: Queue, timerId: string): Promise<void> {
  const job: Job | undefined = await withTimeout(
    queue.getJob(timerJobId(timerId)),
    redisTimeoutMs,
    'reading a timer job',
  );
  if (!job) return;
  try {
    await job.remove();
  } catch (error) {
    const state = await job.getState();
    if (state !== 'active' && state !== 'completed' && state !== 'unknown') throw error;
  }
}

/**
 * Due timers still pending after the grace period: their delayed job was lost (Redis away when
 * it was to be queued, or emptied). An immediate job with the same id fires them; when the
 * delayed job does still exist, BullMQ ignores the new one.
 */
async function queueDueTimers(publisher: Publisher, graceMs: number): Promise<void> {
  const before = new Date(publisher.now().getTime() - graceMs);
  const ids = await dueTimers(publisher.database, before, batchSize);
  if (ids.length === 0) return;
  const jobs = ids.map((timerId) => ({
    name: fireJob,
    data: { timerId } satisfies FireJobData,
    opts: { jobId: timerJobId(timerId) },
  }));
  await withTimeout(publisher.queue.addBulk(jobs), redisTimeoutMs, 'queueing due timers');
  publisher.logger.info({ count: ids.length }, 'due timers queued by the sweeper');
}

interface RecentlyQueued {
  has(id: number): boolean;
  add(ids: number[]): void;
}

/** Rows this process queued moments ago; wake() skips them, the sweeper does not. */
function recentlyQueued(keepMs: number): RecentlyQueued {
  const queuedAt = new Map<number, number>();
  return {
    has: (id) => (queuedAt.get(id) ?? 0) > Date.now() - keepMs,
    add(ids) {
      const now = Date.now();
      for (const [id, at] of queuedAt) if (at <= now - keepMs) queuedAt.delete(id);
      for (const id of ids) queuedAt.set(id, now);
    },
  };
}

/** Logs losing Redis (or the database) once, and its return once, not at every attempt. */
function queueHealth(logger: Logger) {
  let healthy = true;
  return {
    healthy: () => healthy,
    ok() {
      if (!healthy) logger.info('outbox publishing works again');
      healthy = true;
    },
    failed(error: unknown) {
      if (healthy) logger.warn({ err: error }, 'outbox publishing failed; rows stay pending');
      healthy = false;
    },
  };
}
