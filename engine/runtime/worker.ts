import { type Job, Worker } from 'bullmq';
import type { EngineContext } from '../engine-context';
import { type OutboxPolicy, defaultOutboxPolicy } from '../outbox/outbox-policy';
import { claimOutboxRow } from '../outbox/outbox-store';
import { type TimerOutcome, fireTimer } from '../timers/fire-timer';
import type { DeliverRow } from './dispatcher';
import { type OutboxProcessing, type ProcessOutcome, processOutboxRow } from './process-outbox-row';
import {
  type DeliverJobData,
  type FireJobData,
  type QueueLocation,
  deliverJob,
  fireJob,
  runtimeQueueName,
  withTimeout,
  workerConnection,
} from './runtime-queue';

export interface RuntimeWorkerOptions {
  /** The context timers fire with; its afterCommit should wake a BullMQ dispatcher. */
  context: EngineContext;
  deliver: DeliverRow;
  queue: QueueLocation;
  policy?: OutboxPolicy;
  /** Jobs handled at once by this process; default 8. */
  concurrency?: number;
}

export interface RuntimeWorker {
  /** Stops taking jobs and waits (up to 30 s) for those running. */
  stop(): Promise<void>;
}

/**
 * Consumes the runtime queue: a deliver job claims its outbox row by id and delivers it, a fire
 * job fires its timer. Both are idempotent: a row already claimed or done, or a timer no longer
 * pending, makes the job a no-op, so a job handed twice (sweeper, stalled job) does no harm.
 *
 * @example
 * const worker = startRuntimeWorker({ context, deliver, queue: { redisUrl, prefix: 'matterflow' } });
 * process.once('SIGTERM', () => worker.stop());
 */
export function startRuntimeWorker(options: RuntimeWorkerOptions): RuntimeWorker {
  const { context } = options;
  const logger = context.logger;
  const processing: OutboxProcessing = {
    database: context.database,
    logger,
    deliver: options.deliver,
    policy: options.policy ?? defaultOutboxPolicy,
  };
  const worker = new Worker(runtimeQueueName, (job) => handleJob(context, processing, job), {
    connection: workerConnection(options.queue),
    prefix: options.queue.prefix,
    concurrency: options.concurrency ?? 8,
  });
  let reachable = true;
  worker.on('error', (error) => {
    if (reachable) logger.warn({ err: error }, 'worker lost the job queue; it keeps reconnecting');
    reachable = false;
  });
  worker.on('ready', () => {
    if (!reachable) logger.info('worker reached the job queue again');
    reachable = true;
  });
  worker.on('failed', (job, error) => {
    logger.error({ jobId: job?.id, err: error }, 'job failed; the sweeper hands it again');
  });
  return {
    async stop() {
      await withTimeout(worker.close(), 30_000, 'stopping the worker').catch((error) =>
        logger.error({ err: error }, 'worker did not stop cleanly'),
      );
    },
  };
}

async function handleJob(
  context: EngineContext,
  processing: OutboxProcessing,
  job: Job,
): Promise<ProcessOutcome | TimerOutcome | 'skipped'> {
  if (job.name === deliverJob) {
    const row = await claimOutboxRow(context.database, (job.data as DeliverJobData).outboxId);
    return row ? processOutboxRow(processing, row) : 'skipped';
  }
  if (job.name === fireJob) return fireTimer(context, (job.data as FireJobData).timerId);
  context.logger.error({ jobId: job.id, name: job.name }, 'job of an unknown kind ignored');
  return 'skipped';
}
