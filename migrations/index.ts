import type { Knex } from 'knex';
import * as accounts from './20261203-accounts';
import * as engineTables from './20261203-engine-tables';
import * as auth from './20261204-auth';
import * as content from './20261204-content';
import * as certificateLogin from './20261205-certificate-login';
import * as identities from './20261205-identities';
import * as ssoLogin from './20261205-sso-login';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Every migration in order; listed here rather than read from disk so bundling cannot lose one. */
const migrations: Record<string, Migration> = {
  '20261203-engine-tables': engineTables,
  '20261203-accounts': accounts,
  '20261204-content': content,
  '20261204-auth': auth,
  '20261205-identities': identities,
  '20261205-sso-login': ssoLogin,
  '20261205-certificate-login': certificateLogin,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`unknown migration ${name}`);
    return migration;
  },
};
