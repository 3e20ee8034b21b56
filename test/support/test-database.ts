import { randomBytes } from 'node:crypto';
import knex from 'knex';
import { type Database, migrate, openDatabase } from '../../engine/database/database';

/** The PostgreSQL server the tests use; CI starts it when it is not running. */
export const testServerUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';

export type TestDatabaseKind = 'postgres' | 'embedded';

export interface TestDatabase {
  database: Database;
  url?: string;
  drop(): Promise<void>;
}

/** Creates a fresh, migrated database of its own for one test file; `drop` removes it. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const database = openDatabase({ dataDir: 'memory' });
    await migrate(database);
    return { database, drop: () => database.destroy() };
  }
  const name = `matterflow_test_${randomBytes(6).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: `${testServerUrl}/postgres` });
  await admin.raw(`create database ${name}`);
  const url = `${testServerUrl}/${name}`;
  const database = openDatabase({ databaseUrl: url, poolMax: 20 });
  await migrate(database);
  return {
    database,
    url,
    async drop() {
      await database.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}

/** The kinds every engine suite runs on. */
export const databaseKinds: TestDatabaseKind[] = ['postgres', 'embedded'];
