import { Redis } from 'ioredis';
import { redisSessionStore } from '../accounts/redis-session-store';
import { type SessionStore, postgresSessionStore } from '../accounts/session-store';
import { type Database, migrate, openDatabase } from '../database/database';
import {
  type DeliveryServices,
  createDeliveryServices,
  deliverOutboxRow,
} from '../delivery/deliver-outbox-row';
import { accountOfficerDirectory } from '../delivery/account-officer-directory';
import type { EngineContext } from '../engine-context';
import { type Logger, rootLogger } from '../logger';
import { createBullmqDispatcher } from './bullmq-dispatcher';
import type { DeliverRow, Dispatcher } from './dispatcher';
import { startHousekeeping } from './housekeeping';
import { createInProcessDispatcher } from './in-process-dispatcher';
import type { RuntimeConfig } from './runtime-config';
import { type RuntimeWorker, startRuntimeWorker } from './worker';

export interface EngineRuntime {
  mode: Dispatcher['mode'];
  config: RuntimeConfig;
  /** The context engine operations take; its afterCommit wakes the dispatcher. */
  context: EngineContext;
  database: Database;
  dispatcher: Dispatcher;
  services: DeliveryServices;
  /**
   * Consumes the job queue in this process (BullMQ mode); in-process mode already delivers
   * through the dispatcher, so there the worker does nothing more. Stopped by stop().
   */
  startWorker(): RuntimeWorker;
  /** Stops the worker and the dispatcher, waiting for work in progress, then closes everything. */
  stop(): Promise<void>;
}

export interface EngineRuntimeOptions {
  logger?: Logger;
  /** Brings the schema up to date first; default true. */
  migrate?: boolean;
  /** How often expired sessions, captchas and recoveries are swept; default ten minutes. */
  housekeepingMs?: number;
  /** Replaces parts of delivery, such as the officer directory the API knows. */
  delivery?: Partial<DeliveryServices>;
}

/**
 * Opens the database, wires delivery and picks the dispatcher: BullMQ when REDIS_URL is set,
 * in process when not. The same outbox serves both.
 *
 * @example
 * const runtime = await createEngineRuntime(runtimeConfigFromEnv());
 * await sendEvent(runtime.context, { applicationId, actor, type: 'SUBMIT' });
 * await runtime.stop();
 */
export async function createEngineRuntime(
  config: RuntimeConfig,
  options: EngineRuntimeOptions = {},
): Promise<EngineRuntime> {
  const logger = options.logger ?? rootLogger;
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (options.migrate !== false) await migrate(database);
  // Officers are reached through their accounts unless the caller says otherwise.
  const delivery = { officers: accountOfficerDirectory(database), ...options.delivery };
  const services = createDeliveryServices(config.delivery, database, logger, delivery);
  const deliver: DeliverRow = (row) => deliverOutboxRow(services, row);
  const sessionRedis = config.redisUrl ? connectSessionRedis(config.redisUrl, logger) : null;
  const context: EngineContext = {
    database,
    sessions: sessionStore(database, sessionRedis, config.queuePrefix),
    logger,
    now: () => new Date(),
    // Nothing commits before the dispatcher exists: it is made on the next line.
    afterCommit: () => dispatcher.wake(),
  };
  const dispatcher = createDispatcher(config, context, deliver);
  const housekeeping = startHousekeeping(context, options.housekeepingMs ?? 10 * 60_000);
  const workers: RuntimeWorker[] = [];
  logger.info({ mode: dispatcher.mode }, 'engine runtime started');

  return {
    mode: dispatcher.mode,
    config,
    context,
    database,
    dispatcher,
    services,
    startWorker() {
      const worker = startWorker(config, context, deliver);
      workers.push(worker);
      return worker;
    },
    async stop() {
      await Promise.all(workers.map((worker) => worker.stop()));
      await housekeeping.stop();
      await dispatcher.stop();
      services.mailer.close();
      sessionRedis?.disconnect();
      await database.destroy();
      logger.info('engine runtime stopped');
    },
  };
}

/** Redis sessions share the queue's prefix, so one Redis serves several portals apart. */
function sessionStore(database: Database, redis: Redis | null, prefix: string): SessionStore {
  return redis ? redisSessionStore(redis, prefix) : postgresSessionStore(database);
}

/**
 * A session read must not hang a request while Redis is away: a command waits for one reconnect
 * attempt and then fails, and the request answers 503 rather than piling up.
 */
function connectSessionRedis(redisUrl: string, logger: Logger): Redis {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  // ioredis reconnects by itself; without a listener each failed attempt would be printed raw.
  redis.on('error', (error: Error) => logger.warn({ err: error.message }, 'session store offline'));
  return redis;
}

function createDispatcher(
  config: RuntimeConfig,
  context: EngineContext,
  deliver: DeliverRow,
): Dispatcher {
  if (!config.redisUrl) {
    return createInProcessDispatcher({
      context,
      deliver,
      policy: config.policy,
      pollMs: config.pollMs,
    });
  }
  return createBullmqDispatcher({
    database: context.database,
    logger: context.logger,
    queue: { redisUrl: config.redisUrl, prefix: config.queuePrefix },
    policy: config.policy,
    sweepMs: config.sweepMs,
    graceMs: config.graceMs,
  });
}

function startWorker(
  config: RuntimeConfig,
  context: EngineContext,
  deliver: DeliverRow,
): RuntimeWorker {
  if (!config.redisUrl) return { stop: async () => {} };
  return startRuntimeWorker({
    context,
    deliver,
    queue: { redisUrl: config.redisUrl, prefix: config.queuePrefix },
    policy: config.policy,
    concurrency: config.workerConcurrency,
  });
}
