import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { type AddressInfo, createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDefinitionSource } from '../../definitions/source/definition-source';
import { loadDefinition } from '../../definitions/source/loaded-definition';
import { saveDraft } from '../../engine/applications/save-draft';
import { startApplication } from '../../engine/applications/start-application';
import type { Database } from '../../engine/database/database';
import { defaultMailFrom } from '../../engine/delivery/delivery-config';
import type { EngineActor, EngineContext } from '../../engine/engine-context';
import { defaultOutboxPolicy } from '../../engine/outbox/outbox-policy';
import { addMatterVersion } from '../../engine/registry/matter-registry';
import type { RuntimeConfig } from '../../engine/runtime/runtime-config';
import { createRuntimeQueue } from '../../engine/runtime/runtime-queue';

export const projectRoot = join(__dirname, '..', '..');

/** A matter whose submitted state is left by the system after `PT2S`, with a mail each step. */
export const timedReview = 'timed-review';
export const timedReviewFolder = join(__dirname, 'fixtures', timedReview);

export const applicant: EngineActor = {
  id: 'runtime-applicant',
  kind: 'applicant',
  applicantType: 'individual',
  authLevel: 'password',
};
export const applicantContact = { name: '张三', email: 'zhang.san@example.test' };

/** The audit rows of timer events are those whose event is XState's delayed event. */
export const timerEventPattern = 'xstate.after.%';

export async function publishTimedReview(database: Database): Promise<void> {
  const loaded = loadDefinition(readDefinitionSource(timedReviewFolder));
  await addMatterVersion(database, loaded, { publish: true });
}

/** Starts a timed-review application with valid data, ready to submit (at version 2). */
export async function startTimedReview(context: EngineContext, contact = applicantContact) {
  const application = await startApplication(context, {
    matterId: timedReview,
    applicant,
    contact,
  });
  await saveDraft(context, {
    applicationId: application.id,
    actor: applicant,
    data: { subject: '运行时测试' },
    version: 1,
  });
  return application;
}

/** Polls until `check` holds; fails with `what` when it does not within the time. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function countRows(query: PromiseLike<{ count: string | number }[]>) {
  const [row] = await query;
  return Number(row?.count ?? 0);
}

/** A BullMQ key prefix of its own, so that tests sharing one Redis never see each other's jobs. */
export const uniqueQueuePrefix = () => `mftest-${randomBytes(5).toString('hex')}`;

/** Runtime settings for tests: fast polls and sweeps, quick back-offs, mail to `smtpUrl`. */
export function testRuntimeConfig(overrides: Partial<RuntimeConfig>): RuntimeConfig {
  return {
    dataDir: mkdtempSync(join(tmpdir(), 'matterflow-runtime-')),
    queuePrefix: uniqueQueuePrefix(),
    delivery: {
      dataDir: mkdtempSync(join(tmpdir(), 'matterflow-delivery-')),
      mailFrom: defaultMailFrom,
    },
    policy: { ...defaultOutboxPolicy, baseDelayMs: 200, maxDelayMs: 1_000 },
    pollMs: 200,
    sweepMs: 500,
    graceMs: 500,
    workerConcurrency: 8,
    ...overrides,
  };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export interface TestRedisServer {
  url: string;
  /** Stops the server (its data goes with it: no persistence). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

/** A redis-server of the test's own on a free port, which the test may stop and start. */
export async function startTestRedis(): Promise<TestRedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor(`redis-server on port ${port}`, () => accepts(port), 10_000);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Environment of a child process that runs the runtime on the test's database and queue. */
export function childEnvironment(settings: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  delete env.JEST_WORKER_ID;
  for (const [name, value] of Object.entries(settings)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Starts `matterflow worker` as a child process. */
export function spawnWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(projectRoot, 'bin', 'matterflow.js'), 'worker'], {
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
}

/** Resolves once the worker says it is delivering. */
export async function workerReady(worker: ChildProcess): Promise<void> {
  let said = '';
  await new Promise<void>((resolve, reject) => {
    worker.stderr?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('matterflow worker: delivering')) resolve();
    });
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${said}`)));
  });
}

export async function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals,
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit') as Promise<[number | null]>;
  child.kill(signal);
  const [code] = await exited;
  return code;
}

export interface EngineProcess {
  start(count: number): Promise<string[]>;
  send(applicationIds: string[], type: string): Promise<number>;
  stop(): Promise<void>;
}

/** Forks an engine process (fixtures/engine-process.ts) and waits until it is ready. */
export async function forkEngineProcess(env: NodeJS.ProcessEnv): Promise<EngineProcess> {
  const script = join(__dirname, 'fixtures', 'engine-process.ts');
  const child = fork(script, [], { env, execArgv: ['-r', 'tsx/cjs'], stdio: 'inherit' });
  const waiting = new Map<number, (reply: { result?: unknown; error?: string }) => void>();
  let nextId = 1;
  await new Promise<void>((resolve, reject) => {
    child.on(
      'message',
      (message: { id?: number; ready?: boolean; result?: unknown; error?: string }) => {
        if (message.ready) return resolve();
        waiting.get(message.id ?? 0)?.(message);
      },
    );
    child.once('exit', (code) => reject(new Error(`engine process exited with ${code}`)));
  });
  const call = (command: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (reply) =>
        reply.error ? reject(new Error(reply.error)) : resolve(reply.result),
      );
      child.send({ id, ...command });
    });
  return {
    start: async (count) => (await call({ kind: 'start', count })) as string[],
    send: async (applicationIds, type) =>
      (await call({ kind: 'send', applicationIds, type })) as number,
    async stop() {
      const exited = once(child, 'exit');
      await call({ kind: 'stop' });
      await exited;
    },
  };
}

/** Removes every key of a test's queue from the shared Redis. */
export async function obliterateQueue(redisUrl: string, prefix: string): Promise<void> {
  const queue = createRuntimeQueue({ redisUrl, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
}
