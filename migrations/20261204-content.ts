import type { Knex } from 'knex';

/**
 * The portal's editable content: the intro and FAQ pages, the downloads page with its categories
 * and files (kept in the database, so every API process serves the same bytes), the
 * administrator's overrides of catalog category titles and order, and which seed items were
 * already put in, so a restart never brings back what an administrator deleted.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('content_pages', (table) => {
    table.text('id').primary();
    table.jsonb('body').notNullable();
    table.text('updated_by');
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('download_categories', (table) => {
    table.text('id').primary();
    table.jsonb('title').notNullable();
    table.integer('order').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('download_files', (table) => {
    table.uuid('id').primary();
    // Upload order, which the page keeps: timestamps tie within one seeding transaction.
    table.bigIncrements('seq', { primaryKey: false });
    table.text('category_id').notNullable().references('download_categories.id');
    table.jsonb('title').notNullable();
    table.text('name').notNullable();
    table.text('media_type').notNullable();
    table.bigInteger('size').notNullable();
    table.text('sha256').notNullable();
    table.binary('content').notNullable();
    table.text('uploaded_by');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['category_id']);
  });

  await knex.schema.createTable('category_overrides', (table) => {
    table.text('id').primary();
    table.jsonb('title').notNullable();
    table.integer('order').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('content_seeds', (table) => {
    table.text('key').primary();
    table.timestamp('seeded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'content_seeds',
    'category_overrides',
    'download_files',
    'download_categories',
    'content_pages',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
