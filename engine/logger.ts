import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The one structured logger: a fixed message plus metadata with the ids (`applicationId`,
 * `matter`, `jobId`). Quiet under tests unless LOG_LEVEL says otherwise.
 */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  const configured = process.env.LOG_LEVEL?.trim();
  // An unknown LOG_LEVEL must not throw here, at import: runtimeConfigFromEnv refuses it with a
  // message naming the variable, and until then the logger says what it says at `info`.
  const level =
    options.level ??
    (configured && isLogLevel(configured) ? configured : undefined) ??
    (process.env.JEST_WORKER_ID ? 'silent' : 'info');
  return pino({ name: options.name ?? 'matterflow', level });
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function isLogLevel(value: string): boolean {
  return logLevels.includes(value);
}

export const rootLogger = createLogger();
