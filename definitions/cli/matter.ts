import { DefinitionPathError } from '../source/definition-source';
import { type CommandIo, UsageError, exitCodes, processIo } from './cli-error';
import { graphCommand } from './graph-command';
import { lintCommand } from './lint-command';
import { simulateCommand } from './simulate-command';

type Command = (args: string[], io: CommandIo) => number | Promise<number>;

const commands: Record<string, Command> = {
  lint: lintCommand,
  graph: graphCommand,
  simulate: simulateCommand,
};

const usage = `Usage: matter <command> [options]

Commands:
  lint PATH...                     check matter folders or bundles
       [--format text|json|sarif] [--explain RULE]
  graph PATH [--format mermaid|dot] print the workflow as a diagram
  simulate PATH [--data FILE] --as ROLE [--comment TEXT] [--correction POINTER=REASON]
           EVENT... [--as ROLE EVENT...]
                                   run events through the workflow without a database;
                                   --comment and --correction go with the next event,
                                   after:P5D fires the current state's timer

Exit codes: 0 clean, 1 findings with errors, 2 usage or I/O error.`;

/** Runs the `matter` CLI and returns its exit code; never lets a stack trace reach the user. */
export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name === undefined ? exitCodes.usage : exitCodes.clean;
  }
  const command = commands[name];
  if (!command) return fail(io, `unknown command "${name}"\n\n${usage}`);
  try {
    return await command(args, io);
  } catch (error) {
    return reportError(io, error);
  }
}

function reportError(io: CommandIo, error: unknown): number {
  if (error instanceof UsageError || error instanceof DefinitionPathError) {
    return fail(io, error.message);
  }
  if (isNodeArgumentError(error)) return fail(io, `${error.message}\n\n${usage}`);
  const reason = error instanceof Error ? error.message : String(error);
  if (process.env.MATTER_DEBUG && error instanceof Error) io.err(error.stack ?? reason);
  return fail(io, `internal error: ${reason} (set MATTER_DEBUG=1 for details)`);
}

function isNodeArgumentError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function fail(io: CommandIo, message: string): number {
  io.err(`matter: ${message}`);
  return exitCodes.usage;
}

/** Entry point of the package bin. */
export function main(argv: string[]): void {
  run(argv).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = exitCodes.usage;
    },
  );
}
