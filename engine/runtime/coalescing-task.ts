/** A task that runs one at a time; asking while it runs makes it run once more afterwards. */
export interface CoalescingTask {
  /** Starts the task, or marks it to run again when it is running. Never throws. */
  run(): void;
  /** Resolves when no run is in progress or queued. */
  idle(): Promise<void>;
}

/**
 * Wraps an async task so that many wake-ups turn into few runs, never two at once. A run that
 * fails is reported to `onError` and does not stop later runs.
 */
export function coalescingTask(
  task: () => Promise<void>,
  onError: (error: unknown) => void,
): CoalescingTask {
  let running: Promise<void> | undefined;
  let again = false;

  async function loop(): Promise<void> {
    do {
      again = false;
      try {
        await task();
      } catch (error) {
        onError(error);
      }
    } while (again);
  }

  return {
    run() {
      if (running) {
        again = true;
        return;
      }
      running = loop().finally(() => {
        running = undefined;
      });
    },
    async idle() {
      while (running) await running;
    },
  };
}
