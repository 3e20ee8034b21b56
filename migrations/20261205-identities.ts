import type { Knex } from 'knex';

/**
 * Identities from outside the portal (a CA certificate, the city's unified identity) bound to
 * accounts, the single-use tokens that carry an unbound identity to the bind page, and the
 * account's authentication trail (logins, bindings, unbindings).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('account_identities', (table) => {
    table.uuid('id').primary();
    table.uuid('account_id').notNullable().references('accounts.id').onDelete('CASCADE');
    table.text('kind').notNullable().checkIn(['certificate', 'sso']);
    /** Certificate: the issuer DN; SSO: the issuer URL. */
    table.text('issuer').notNullable();
    /** Certificate: the serial number (hex); SSO: the `sub` claim. */
    table.text('subject').notNullable();
    table.text('label').notNullable();
    table.jsonb('details').notNullable().defaultTo('{}');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('last_login_at', { useTz: true });
    table.unique(['kind', 'issuer', 'subject']);
    table.index(['account_id']);
  });

  await knex.schema.createTable('identity_binding_tokens', (table) => {
    table.text('token_hash').primary();
    table.text('kind').notNullable();
    table.jsonb('identity').notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.timestamp('used_at', { useTz: true });
    table.index(['expires_at']);
  });

  await knex.schema.createTable('auth_events', (table) => {
    table.bigIncrements('id');
    table.uuid('account_id').references('accounts.id').onDelete('CASCADE');
    table.text('type').notNullable();
    table.text('method').notNullable();
    table.text('address');
    table.jsonb('detail').notNullable().defaultTo('{}');
    table.timestamp('at', { useTz: true }).notNullable();
    table.index(['account_id', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('auth_events');
  await knex.schema.dropTableIfExists('identity_binding_tokens');
  await knex.schema.dropTableIfExists('account_identities');
}
