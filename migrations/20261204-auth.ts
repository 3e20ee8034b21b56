import type { Knex } from 'knex';

/**
 * What login and recovery keep between requests, in the database so that several API processes
 * share it: captchas (answer hashed, single use), failure counters for the login lockout, and
 * password recoveries with their code and reset token (both hashed).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('captchas', (table) => {
    table.text('id').primary();
    table.text('answer_hash').notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(['expires_at']);
  });

  await knex.schema.createTable('login_failures', (table) => {
    table.text('key').primary();
    table.integer('failures').notNullable().defaultTo(0);
    table.integer('lockouts').notNullable().defaultTo(0);
    table.timestamp('locked_until', { useTz: true });
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('account_recoveries', (table) => {
    table.uuid('id').primary();
    table.uuid('account_id').notNullable().references('accounts.id').onDelete('CASCADE');
    table.text('status').notNullable().checkIn(['open', 'verified', 'dead', 'used']);
    table.text('channel');
    table.text('code_hash');
    table.timestamp('code_sent_at', { useTz: true });
    table.timestamp('code_expires_at', { useTz: true });
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('reset_token_hash').unique();
    table.timestamp('reset_expires_at', { useTz: true });
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.index(['account_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('account_recoveries');
  await knex.schema.dropTableIfExists('login_failures');
  await knex.schema.dropTableIfExists('captchas');
}
