import { type CommandIo, exitCodes, processIo } from '../../definitions/cli/cli-error';
import { EmbeddedDatabaseBusyError, migrate, openDatabase } from '../database/database';
import { DeliveryConfigError } from '../delivery/delivery-config';
import { createEngineRuntime } from '../runtime/engine-runtime';
import { type PortalClaim, askPortal, readLivePortalClaim } from '../runtime/portal-claim';
import { RuntimeConfigError, runtimeConfigFromEnv } from '../runtime/runtime-config';
import { userCommand } from './user-add-command';

export type Command = (args: string[], io: CommandIo) => Promise<number>;

const commands: Record<string, Command> = {
  worker: workerCommand,
  migrate: migrateCommand,
  user: (args, io) => userCommand(args, io),
};

const usage = `Usage: matterflow <command>

Commands:
  serve     start the portal: API, delivery and timers, the matters of MATTERS_DIR published,
            demo accounts on the embedded database; PORT (default 3000)
  worker    deliver notifications, documents and webhooks and fire timers until SIGINT or
            SIGTERM: BullMQ jobs when REDIS_URL is set, the outbox in process when not
  migrate   bring the database schema up to date
  user add --username U --role officer|admin [--matters ID...]
            add a staff account; the password is read from standard input

Settings come from the environment: PORT, DATABASE_URL, REDIS_URL, DATA_DIR, MATTERS_DIR,
QUEUE_PREFIX, WORKER_CONCURRENCY, SMTP_URL, SMS_WEBHOOK_URL, MAIL_FROM, CAPTCHA.

Exit codes: 0 done, 1 failure, 2 usage or configuration error.`;

/** Runs the `matterflow` CLI and returns its exit code; a stack trace never reaches the user. */
export async function run(
  argv: string[],
  io: CommandIo = processIo,
  more: Record<string, Command> = {},
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name === undefined ? exitCodes.usage : exitCodes.clean;
  }
  const command = more[name] ?? commands[name];
  if (!command) {
    io.err(`matterflow: unknown command "${name}"\n\n${usage}`);
    return exitCodes.usage;
  }
  try {
    return await command(args, io);
  } catch (error) {
    return reportError(io, error);
  }
}

/** The running portal holds the embedded database: it migrates on request. */
async function migrateThroughPortal(portal: PortalClaim, io: CommandIo): Promise<number> {
  const answer = await askPortal(portal, 'migrate', {});
  const applied = answer.body.applied;
  if (answer.status !== 200 || !Array.isArray(applied)) {
    const error = answer.body.error;
    io.err(
      `matterflow migrate: ${error?.message ?? 'no answer'} (${error?.code ?? answer.status})`,
    );
    return exitCodes.findings;
  }
  const through = `through the running portal (process ${portal.pid})`;
  io.out(applied.length ? `applied ${through}: ${applied.join(', ')}` : `the schema is up to date`);
  return exitCodes.clean;
}

/** Runs until a signal, then lets running jobs finish and closes connections before exiting. */
async function workerCommand(args: string[], io: CommandIo): Promise<number> {
  noArguments('worker', args);
  const config = runtimeConfigFromEnv();
  const portal = config.databaseUrl ? undefined : readLivePortalClaim(config.dataDir);
  if (portal) {
    // Only the portal may open the embedded database, and it delivers in process already.
    io.out(
      `matterflow worker: the portal (process ${portal.pid}) delivers and fires timers in ` +
        'process on the embedded database; nothing for a worker to add. Set DATABASE_URL ' +
        'and REDIS_URL to run workers as processes of their own.',
    );
    return exitCodes.clean;
  }
  const runtime = await createEngineRuntime(config);
  runtime.startWorker();
  const where = runtime.mode === 'bullmq' ? `BullMQ (prefix ${config.queuePrefix})` : 'in process';
  io.err(`matterflow worker: delivering ${where}; stop with Ctrl-C or SIGTERM`);
  const signal = await nextSignal();
  io.err(`matterflow worker: ${signal} received, finishing the jobs in progress`);
  await runtime.stop();
  return exitCodes.clean;
}

async function migrateCommand(args: string[], io: CommandIo): Promise<number> {
  noArguments('migrate', args);
  const config = runtimeConfigFromEnv();
  const portal = config.databaseUrl ? undefined : readLivePortalClaim(config.dataDir);
  if (portal) return migrateThroughPortal(portal, io);
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(database);
    io.out(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
  } finally {
    await database.destroy();
  }
  return exitCodes.clean;
}

function noArguments(command: string, args: string[]): void {
  if (args.length > 0) {
    throw new RuntimeConfigError('argv', `"matterflow ${command}" takes no arguments\n\n${usage}`);
  }
}

/** The first SIGINT or SIGTERM; a second one ends the process at once. */
export function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      process.off('SIGINT', first);
      process.off('SIGTERM', first);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', first);
    process.on('SIGTERM', first);
  });
}

function reportError(io: CommandIo, error: unknown): number {
  if (
    error instanceof RuntimeConfigError ||
    error instanceof DeliveryConfigError ||
    error instanceof EmbeddedDatabaseBusyError
  ) {
    io.err(`matterflow: ${error.message}`);
    return exitCodes.usage;
  }
  const reason = error instanceof Error ? error.message : String(error);
  if (process.env.MATTERFLOW_DEBUG && error instanceof Error) io.err(error.stack ?? reason);
  io.err(`matterflow: ${reason} (set MATTERFLOW_DEBUG=1 for details)`);
  return exitCodes.findings;
}

/** Entry point of the package bin. */
export function main(argv: string[], more: Record<string, Command> = {}): void {
  run(argv, processIo, more).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = exitCodes.findings;
    },
  );
}
