import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import knex, { type Knex } from 'knex';
import { migrationSource } from '../../migrations';
import { isProcessAlive } from '../process-alive';

export type Database = Knex;

export interface DatabaseConfig {
  /** PostgreSQL connection string; when absent, an embedded PostgreSQL (PGlite) is used. */
  databaseUrl?: string;
  /** Folder for the embedded database; `memory` keeps it in memory (tests). */
  dataDir?: string;
  /** Connection pool size on PostgreSQL. */
  poolMax?: number;
}

export type DatabaseKind = 'postgres' | 'embedded';

/**
 * Opens the database: PostgreSQL through `pg` when a URL is given, otherwise PGlite through
 * knex-pglite with the very same migrations and queries. PGlite has one connection, so its
 * transactions run one after another.
 */
export function openDatabase(config: DatabaseConfig): Database {
  if (config.databaseUrl) {
    return knex({
      client: 'pg',
      connection: config.databaseUrl,
      pool: { min: 0, max: config.poolMax ?? 10 },
    });
  }
  return openEmbedded(embeddedFolder(config));
}

/**
 * PGlite through knex-pglite, with the instance ours rather than the dialect's: PGlite starts
 * up as soon as it is made, so closing knex before its first query would leave that start-up
 * running after `destroy()`. Our destroy waits for it and closes the instance whatever happened.
 */
function openEmbedded(folder: string | undefined): Database {
  // Loaded lazily: production on PostgreSQL never pays for the WASM build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
  const pglite = new PGlite(folder);
  const database = knex({
    client: embeddedClient(),
    dialect: 'postgres',
    // knex-pglite's own option for an instance made outside it; knex's types do not know it.
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
  });
  // knex.destroy() ends in client.destroy(), the one method an instance can take over.
  const client = database.client as { destroy(callback?: () => void): Promise<void> };
  const destroyPool = client.destroy.bind(client);
  client.destroy = async (callback) => {
    await destroyPool();
    await pglite.waitReady.catch(() => undefined);
    if (!pglite.closed) await pglite.close();
    callback?.();
  };
  return database;
}

export function databaseKind(database: Database): DatabaseKind {
  return database.client.config.client === 'pg' ? 'postgres' : 'embedded';
}

function embeddedFolder(config: DatabaseConfig): string | undefined {
  if (config.dataDir === 'memory') return undefined;
  const folder = resolve(join(config.dataDir ?? './data', 'pglite'));
  mkdirSync(folder, { recursive: true });
  claimEmbeddedFolder(folder);
  return folder;
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A pid file claims the folder; a live other owner stops this process with a clear message, a
 * dead one's claim is taken over.
 */
function claimEmbeddedFolder(folder: string): void {
  const lock = join(folder, 'matterflow.pid');
  const owner = existsSync(lock) ? Number(readFileSync(lock, 'utf8')) : undefined;
  if (owner && owner !== process.pid && isProcessAlive(owner)) {
    throw new EmbeddedDatabaseBusyError(folder, owner);
  }
  writeFileSync(lock, String(process.pid));
  process.once('exit', () => {
    if (existsSync(lock) && Number(readFileSync(lock, 'utf8')) === process.pid) rmSync(lock);
  });
}

/** The embedded database folder is open in another process (usually the running server). */
export class EmbeddedDatabaseBusyError extends Error {
  readonly code = 'embedded_database_busy';
  constructor(folder: string, owner: number) {
    super(
      `the embedded database in ${folder} is in use by process ${owner} (the server?); ` +
        'stop it first, or set DATABASE_URL to a PostgreSQL server that any number of processes can share',
    );
  }
}

function embeddedClient(): typeof Knex.Client {
  // Loaded lazily: production on PostgreSQL never pays for the WASM build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('knex-pglite');
}

/** Brings the schema up to date; safe to call at every start. */
export async function migrate(database: Database): Promise<string[]> {
  const [, applied] = (await database.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}
