import type { Knex } from 'knex';

/**
 * Unified-identity logins on their way through the provider: one row from the redirect to the
 * provider until the callback, keyed by the sha256 of `state`. The PKCE verifier, the nonce and
 * the page to return to are sealed with a key only the starting browser holds (its cookie), so
 * the table alone neither completes a login nor lets another browser complete it. A row is
 * spent by its first callback; a second one is a replay.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sso_logins', (table) => {
    table.text('state_hash').primary();
    table.text('sealed').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('used_at', { useTz: true });
    table.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('sso_logins');
}
