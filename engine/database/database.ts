import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import knex, { type Knex } from 'knex';
import { migrationSource } from '../../migrations';

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
  return knex({
    client: embeddedClient(),
    dialect: 'postgres',
    connection: embeddedConnection(config),
  });
}

export function databaseKind(database: Database): DatabaseKind {
  return database.client.config.client === 'pg' ? 'postgres' : 'embedded';
}

function embeddedConnection(config: DatabaseConfig): Record<string, string> {
  if (config.dataDir === 'memory') return {};
  const folder = resolve(join(config.dataDir ?? './data', 'pglite'));
  mkdirSync(folder, { recursive: true });
  return { filename: folder };
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
