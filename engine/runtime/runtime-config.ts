import { resolve } from 'node:path';
import { type DeliveryConfig, deliveryConfigFromEnv } from '../delivery/delivery-config';
import { isLogLevel, logLevels } from '../logger';
import { type OutboxPolicy, defaultOutboxPolicy } from '../outbox/outbox-policy';

/** Everything the runtime reads from the environment, checked at start-up. */
export interface RuntimeConfig {
  /** PostgreSQL; unset: the embedded PostgreSQL in `dataDir`. */
  databaseUrl?: string;
  /** Redis for BullMQ; unset: in-process dispatch. */
  redisUrl?: string;
  dataDir: string;
  /** BullMQ key prefix, so that two deployments can share one Redis. */
  queuePrefix: string;
  delivery: DeliveryConfig;
  policy: OutboxPolicy;
  /** In-process mode: how often back-offs and due timers are looked at. */
  pollMs: number;
  /** BullMQ mode: how often the sweeper runs, and how old what it hands again must be. */
  sweepMs: number;
  graceMs: number;
  /** Jobs one worker process handles at once. */
  workerConcurrency: number;
}

/** A setting that cannot work, named with its fix; thrown before anything starts. */
export class RuntimeConfigError extends Error {
  readonly code = 'runtime_config_invalid';

  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'RuntimeConfigError';
  }
}

/**
 * Reads DATABASE_URL, REDIS_URL, DATA_DIR (default `./data`), QUEUE_PREFIX (default
 * `matterflow`), WORKER_CONCURRENCY (default 8) and the delivery settings (SMTP_URL,
 * SMS_WEBHOOK_URL, MAIL_FROM), and checks LOG_LEVEL and REFERENCE_TIME_ZONE, which the logger
 * and the reference numbers read. Throws RuntimeConfigError or DeliveryConfigError.
 *
 * @example
 * const runtime = await createEngineRuntime(runtimeConfigFromEnv());
 */
export function runtimeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const databaseUrl = setting(env, 'DATABASE_URL');
  const redisUrl = setting(env, 'REDIS_URL');
  if (databaseUrl) checkUrl('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:']);
  if (redisUrl) checkUrl('REDIS_URL', redisUrl, ['redis:', 'rediss:']);
  checkLogLevel(setting(env, 'LOG_LEVEL'));
  checkTimeZone(setting(env, 'REFERENCE_TIME_ZONE'));
  return {
    databaseUrl,
    redisUrl,
    dataDir: resolve(setting(env, 'DATA_DIR') ?? './data'),
    queuePrefix: queuePrefix(setting(env, 'QUEUE_PREFIX') ?? 'matterflow'),
    delivery: deliveryConfigFromEnv(env),
    policy: defaultOutboxPolicy,
    pollMs: 1_000,
    sweepMs: 3_000,
    graceMs: 3_000,
    workerConcurrency: positiveInteger(env, 'WORKER_CONCURRENCY', 8),
  };
}

function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function checkUrl(variable: string, value: string, protocols: string[]): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol && protocols.includes(protocol)) return;
  throw new RuntimeConfigError(
    variable,
    `${variable} must be a ${protocols.join(' or ')} URL such as ${protocols[0]}//127.0.0.1; ` +
      'unset it for the embedded default',
  );
}

function checkLogLevel(value: string | undefined): void {
  if (value === undefined || isLogLevel(value)) return;
  throw new RuntimeConfigError(
    'LOG_LEVEL',
    `LOG_LEVEL "${value}" must be one of ${logLevels.join(', ')}`,
  );
}

function checkTimeZone(value: string | undefined): void {
  if (value === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new RuntimeConfigError(
      'REFERENCE_TIME_ZONE',
      `REFERENCE_TIME_ZONE "${value}" is not a time zone; use an IANA name such as Asia/Shanghai`,
    );
  }
}

function queuePrefix(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value;
  throw new RuntimeConfigError(
    'QUEUE_PREFIX',
    `QUEUE_PREFIX "${value}" may hold only letters, digits, "-" and "_"`,
  );
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = setting(env, name);
  if (value === undefined) return fallback;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new RuntimeConfigError(name, `${name} "${value}" must be a whole number above 0`);
}
