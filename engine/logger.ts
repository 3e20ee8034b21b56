import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The one structured logger: a fixed message plus metadata with the ids (`applicationId`,
 * `matter`, `jobId`). Quiet under tests unless LOG_LEVEL says otherwise.
 */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  const level =
    options.level ?? process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info');
  return pino({ name: options.name ?? 'matterflow', level });
}

export const rootLogger = createLogger();
