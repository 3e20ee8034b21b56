import type { Knex } from 'knex';

/** Portal accounts (applicants and staff) and their server-side sessions. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('accounts', (table) => {
    table.uuid('id').primary();
    table.text('username').notNullable();
    table.text('kind').notNullable().checkIn(['individual', 'enterprise', 'officer', 'admin']);
    table.text('password_hash').notNullable();
    table.text('display_name').notNullable();
    table.text('phone');
    table.text('email');
    table.jsonb('profile').notNullable().defaultTo('{}');
    table.specificType('roles', 'text[]').notNullable().defaultTo('{}');
    table.specificType('matters', 'text[]');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('password_changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw('create unique index accounts_username_key on accounts (lower(username))');

  await knex.schema.createTable('sessions', (table) => {
    table.text('id').primary();
    table.uuid('account_id').references('accounts.id').onDelete('CASCADE');
    table.text('csrf_token').notNullable();
    table.text('auth_level');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(['account_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('sessions');
  await knex.schema.dropTableIfExists('accounts');
}
