import { type ConnectionOptions, Queue } from 'bullmq';

/** Where the runtime's jobs live: one queue, under a key prefix that separates deployments. */
export interface QueueLocation {
  redisUrl: string;
  /** BullMQ key prefix; default `matterflow`. Tests use one of their own. */
  prefix: string;
}

export const runtimeQueueName = 'runtime';

/** Job names: deliver one outbox row, or fire one timer. */
export const deliverJob = 'deliver';
export const fireJob = 'fire';

export interface DeliverJobData {
  outboxId: number;
}
export interface FireJobData {
  timerId: string;
}

/**
 * Job ids are derived from the row they stand for, so the same row is never queued twice. BullMQ
 * refuses ids with `:` (its key separator) and plain integers, hence the word in front.
 */
export const outboxJobId = (outboxId: number) => `outbox-${outboxId}`;
export const timerJobId = (timerId: string) => `timer-${timerId}`;

/** Reconnects within two seconds of Redis coming back, however long it was away. */
export function retryStrategy(times: number): number {
  return Math.min(times * 200, 2_000);
}

/**
 * Connection of a producer: with the offline queue off, a command fails at once while Redis is
 * away instead of waiting for it, so the caller can leave the row pending for the sweeper.
 */
export function producerConnection(location: QueueLocation): ConnectionOptions {
  return {
    url: location.redisUrl,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy,
  };
}

/** Connection of a worker; BullMQ makes it wait for Redis rather than fail. */
export function workerConnection(location: QueueLocation): ConnectionOptions {
  return { url: location.redisUrl, maxRetriesPerRequest: null, retryStrategy };
}

/** Completed and failed jobs are removed: the outbox row, not the job, keeps the record. */
export function createRuntimeQueue(location: QueueLocation): Queue {
  return new Queue(runtimeQueueName, {
    connection: producerConnection(location),
    prefix: location.prefix,
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true, attempts: 1 },
  });
}

/** Rejects when the promise has not settled in time; the operation itself may still finish. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
