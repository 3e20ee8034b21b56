import { fork } from 'node:child_process';
import { join } from 'node:path';

/**
 * Runs a load script of this folder in a child process, so generating the load never slows the
 * server's event loop: the child gets `run` as its one message and answers with its result, or
 * with `{error}`, which rejects.
 *
 * @example
 * const result = await runLoadProcess<LoadRun, LoadResult>('api-load.ts', run);
 */
export function runLoadProcess<Run, Result extends object>(
  script: string,
  run: Run,
): Promise<Result> {
  const child = fork(join(__dirname, script), { execArgv: ['--require', 'tsx/cjs'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message: Result | { error: string }) => {
      child.kill();
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    child.once('error', reject);
    child.send(run as object);
  });
}
