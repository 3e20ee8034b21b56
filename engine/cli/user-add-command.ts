import { type CommandIo, exitCodes } from '../../definitions/cli/cli-error';
import { createAccount } from '../accounts/account';
import { passwordPolicyIssues } from '../accounts/password-policy';
import { usernamePattern } from '../accounts/registration';
import { migrate, openDatabase } from '../database/database';
import { EngineError } from '../engine-error';
import { type PortalClaim, askPortal, readLivePortalClaim } from '../runtime/portal-claim';
import { runtimeConfigFromEnv } from '../runtime/runtime-config';

export const userUsage = `Usage: matterflow user add --username NAME --role officer|admin
                          [--matters ID...] [--roles ROLE,...] [--name DISPLAY_NAME]

Creates a staff account on the configured database (DATABASE_URL, else the embedded one in
DATA_DIR), reading its password from standard input:

  printf '%s' "$PASSWORD" | matterflow user add --username li.wei --role officer \\
      --roles acceptor,reviewer --matters commercial-entity-establishment

Without --matters an officer covers every matter. The password follows the portal's policy.`;

interface StaffAccount {
  username: string;
  kind: 'officer' | 'admin';
  roles: string[];
  matters: string[] | null;
  displayName: string;
}

/** A mistake in how the command was called: reported with the usage, exit code 2. */
class UserUsageError extends Error {}

/**
 * `matterflow user add`: exit 0 when created, 1 when the database refuses (a taken username), 2
 * for usage problems (unknown option, bad username, weak or empty password).
 */
export async function userCommand(
  args: string[],
  io: CommandIo,
  readPassword: () => Promise<string> = readStandardInput,
): Promise<number> {
  try {
    const [subcommand, ...options] = args;
    if (subcommand !== 'add') throw new UserUsageError(`unknown subcommand "${subcommand ?? ''}"`);
    const staff = parseOptions(options);
    const password = checkPassword((await readPassword()).replace(/\r?\n$/, ''), staff.username);
    return await addStaff(staff, password, io);
  } catch (error) {
    if (!(error instanceof UserUsageError)) throw error;
    io.err(`matterflow user: ${error.message}\n\n${userUsage}`);
    return exitCodes.usage;
  }
}

async function addStaff(staff: StaffAccount, password: string, io: CommandIo): Promise<number> {
  const config = runtimeConfigFromEnv();
  const portal = config.databaseUrl ? undefined : readLivePortalClaim(config.dataDir);
  if (portal) return addThroughPortal(portal, staff, password, io);
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    const account = await createAccount(database, { ...staff, password });
    const covers = account.matters ? account.matters.join(', ') : 'every matter';
    io.out(`created ${account.kind} "${account.username}" (${account.id}); covers ${covers}`);
    return exitCodes.clean;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    io.err(`matterflow user: ${error.message} (${error.code})`);
    return exitCodes.findings;
  } finally {
    await database.destroy();
  }
}

/** The running portal holds the embedded database: ask it, over loopback, with its token. */
async function addThroughPortal(
  portal: PortalClaim,
  staff: StaffAccount,
  password: string,
  io: CommandIo,
): Promise<number> {
  const answer = await askPortal(portal, 'users', { ...staff, password });
  const body = answer.body as {
    user?: { id: string; username: string; kind: string; matters: string[] | null };
    error?: { code: string; message: string };
  };
  if (answer.status === 201 && body.user) {
    const covers = body.user.matters ? body.user.matters.join(', ') : 'every matter';
    io.out(`created ${body.user.kind} "${body.user.username}" (${body.user.id}); covers ${covers}`);
    return exitCodes.clean;
  }
  io.err(
    `matterflow user: ${body.error?.message ?? 'no answer'} (${body.error?.code ?? answer.status})`,
  );
  return exitCodes.findings;
}

function parseOptions(options: string[]): StaffAccount {
  const values = optionValues(options);
  const username = single(values, '--username');
  const role = single(values, '--role');
  if (!new RegExp(usernamePattern).test(username)) {
    throw new UserUsageError(
      `--username "${username}" must have 4-32 letters, digits, _ - . and start with a letter`,
    );
  }
  if (role !== 'officer' && role !== 'admin') {
    throw new UserUsageError(`--role must be officer or admin, not "${role}"`);
  }
  const matters = values.get('--matters');
  if (matters && role === 'admin') throw new UserUsageError('--matters is for officers');
  return {
    username,
    kind: role,
    roles: splitList(values.get('--roles') ?? []),
    matters: matters ? splitList(matters) : null,
    displayName: values.has('--name') ? single(values, '--name') : username,
  };
}

const knownOptions = new Set(['--username', '--role', '--matters', '--roles', '--name']);

/** Each option with the values after it, up to the next option. */
function optionValues(options: string[]): Map<string, string[]> {
  const values = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const option of options) {
    if (option.startsWith('--')) {
      if (!knownOptions.has(option)) throw new UserUsageError(`unknown option ${option}`);
      if (values.has(option)) throw new UserUsageError(`${option} is given twice`);
      current = [];
      values.set(option, current);
    } else if (current) {
      current.push(option);
    } else {
      throw new UserUsageError(`unexpected argument "${option}"`);
    }
  }
  for (const [option, list] of values) {
    if (list.length === 0) throw new UserUsageError(`${option} needs a value`);
  }
  return values;
}

function single(values: Map<string, string[]>, option: string): string {
  const list = values.get(option);
  if (!list) throw new UserUsageError(`${option} is required`);
  if (list.length > 1) throw new UserUsageError(`${option} takes one value`);
  return list[0] ?? '';
}

function splitList(values: string[]): string[] {
  return [...new Set(values.flatMap((value) => value.split(',')).map((v) => v.trim()))].filter(
    Boolean,
  );
}

function checkPassword(password: string, username: string): string {
  if (password === '') throw new UserUsageError('no password on standard input');
  const issues = passwordPolicyIssues(password, username, '/password');
  if (issues.length > 0) {
    throw new UserUsageError(
      `the password breaks the policy: ${issues.map((i) => i.message).join('; ')}`,
    );
  }
  return password;
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
