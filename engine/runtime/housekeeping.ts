import { sweepExpiredRecords } from '../accounts/expired-records';
import type { EngineContext } from '../engine-context';

export interface Housekeeping {
  stop(): Promise<void>;
}

/**
 * Sweeps expired login and recovery records every `everyMs` (first sweep one period after
 * start, so start-up stays quick). A failed sweep is logged and tried again next period: nothing
 * depends on it but the size of a few tables.
 */
export function startHousekeeping(context: EngineContext, everyMs: number): Housekeeping {
  let running: Promise<void> | undefined;
  const sweep = async () => {
    try {
      const counts = await sweepExpiredRecords(context.database, context.now());
      context.logger.debug({ counts }, 'expired records swept');
    } catch (error) {
      context.logger.warn({ err: (error as Error).message }, 'sweeping expired records failed');
    }
  };
  const timer = setInterval(() => {
    running ??= sweep().finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
