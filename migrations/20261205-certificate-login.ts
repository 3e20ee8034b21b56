import type { Knex } from 'knex';

/**
 * The challenges a certificate login signs: a random nonce each, single use, short lived. Kept
 * in the database so that any API process can check a challenge another one issued.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('certificate_challenges', (table) => {
    table.uuid('id').primary();
    table.text('nonce').notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('used_at', { useTz: true });
    table.index(['expires_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('certificate_challenges');
}
