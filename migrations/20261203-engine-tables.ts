import type { Knex } from 'knex';

/**
 * The engine's tables: matters and their immutable versions, applications, the audit trail,
 * attachments, issued documents, the outbox and durable timers.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('matters', (table) => {
    table.text('id').primary();
    table.text('category_id').notNullable();
    table.text('current_version');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('matter_versions', (table) => {
    table.text('matter_id').notNullable().references('matters.id');
    table.text('version').notNullable();
    table.text('status').notNullable().checkIn(['draft', 'published', 'retired']);
    table.text('hash').notNullable();
    table.jsonb('definition').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('published_at', { useTz: true });
    table.timestamp('retired_at', { useTz: true });
    table.primary(['matter_id', 'version']);
  });

  await knex.schema.createTable('reference_sequences', (table) => {
    table.text('prefix').notNullable();
    table.text('day').notNullable();
    table.integer('last').notNullable();
    table.primary(['prefix', 'day']);
  });

  await knex.schema.createTable('applications', (table) => {
    table.uuid('id').primary();
    table.text('reference').notNullable().unique();
    table.text('matter_id').notNullable();
    table.text('matter_version').notNullable();
    table.text('applicant_id').notNullable();
    table.text('applicant_kind').notNullable();
    table.jsonb('applicant').notNullable();
    table.text('status').notNullable();
    table.text('category').notNullable();
    table.jsonb('snapshot').notNullable();
    table.jsonb('data').notNullable();
    table.jsonb('corrections');
    table.integer('version').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('submitted_at', { useTz: true });
    table
      .foreign(['matter_id', 'matter_version'])
      .references(['matter_id', 'version'])
      .inTable('matter_versions');
    table.index(['applicant_id', 'category']);
    table.index(['matter_id', 'status']);
  });

  await knex.schema.createTable('application_events', (table) => {
    table.bigIncrements('id');
    table.uuid('application_id').notNullable().references('applications.id');
    table.integer('seq').notNullable();
    table.text('event').notNullable();
    table.text('from_status');
    table.text('to_status').notNullable();
    table.text('actor_id');
    table.text('actor_kind').notNullable();
    table.specificType('actor_roles', 'text[]');
    table.text('comment');
    table.jsonb('corrections');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.unique(['application_id', 'seq']);
  });

  await knex.schema.createTable('attachments', (table) => {
    table.uuid('id').primary();
    table.uuid('application_id').notNullable().references('applications.id');
    table.text('material_id').notNullable();
    table.text('name').notNullable();
    table.text('media_type').notNullable();
    table.bigInteger('size').notNullable();
    table.text('sha256').notNullable();
    table.text('storage_key').notNullable();
    table.text('uploaded_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['application_id']);
  });

  await knex.schema.createTable('documents', (table) => {
    table.uuid('id').primary();
    table.uuid('application_id').notNullable().references('applications.id');
    table.text('name').notNullable();
    table.jsonb('title').notNullable();
    table.text('media_type').notNullable();
    table.text('content').notNullable();
    table.bigInteger('outbox_id').unique();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['application_id']);
  });

  await knex.schema.createTable('outbox', (table) => {
    table.bigIncrements('id');
    table.uuid('application_id').references('applications.id');
    table.text('kind').notNullable();
    table.jsonb('payload').notNullable();
    table.text('status').notNullable().defaultTo('pending');
    table.integer('attempts').notNullable().defaultTo(0);
    table.text('last_error');
    table.timestamp('available_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('claimed_at', { useTz: true });
    table.timestamp('completed_at', { useTz: true });
    table.index(['status', 'available_at']);
  });

  await knex.schema.createTable('timers', (table) => {
    table.uuid('id').primary();
    table.uuid('application_id').notNullable().references('applications.id');
    table.text('kind').notNullable().checkIn(['after', 'deadline']);
    table.text('key').notNullable();
    table.jsonb('event').notNullable();
    table.text('status').notNullable().checkIn(['pending', 'paused', 'fired', 'cancelled']);
    table.timestamp('due_at', { useTz: true });
    table.bigInteger('duration_ms').notNullable();
    table.bigInteger('remaining_ms');
    table.text('on_correction');
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    table.index(['status', 'due_at']);
    table.index(['application_id', 'status']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'timers',
    'outbox',
    'documents',
    'attachments',
    'application_events',
    'applications',
    'reference_sequences',
    'matter_versions',
    'matters',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
