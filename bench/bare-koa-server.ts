import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import { verifyPassword } from '../engine/accounts/password-hash';
import { summaryColumns } from '../engine/applications/application-record';
import type { SessionStore } from '../engine/accounts/session-store';
import type { Database } from '../engine/database/database';

/**
 * The benchmark's baseline: Koa with a body parser and routes that issue the same SQL as the
 * portal's routes, written straight against knex, with no validation, workflow, audit logic or
 * error mapping. What the portal costs on top of this is the price of its guarantees. Sessions
 * live in the portal's own store (Redis when the bench runs with REDIS_URL, as it does by
 * default), so both servers pay the same for them.
 */
export function createBareServer(database: Database, sessions: SessionStore): Koa {
  const app = new Koa();
  const router = new Router({ prefix: '/bare' });
  router.post('/login', async (ctx) => {
    const { username, password } = ctx.request.body as { username: string; password: string };
    const account = await database('accounts')
      .whereRaw('lower(username) = lower(?)', [username])
      .first();
    if (!account || !(await verifyPassword(password, account.password_hash))) {
      ctx.status = 401;
      return;
    }
    const { sid } = await sessions.create(account.id, 'password');
    ctx.cookies.set('sid', sid, { httpOnly: true });
    ctx.body = { user: { id: account.id, username: account.username } };
  });
  router.get('/applications', async (ctx) => {
    const accountId = await sessionAccount(database, sessions, ctx.cookies.get('sid'));
    const query = database('applications').where({
      applicant_id: accountId,
      category: String(ctx.query.category),
    });
    const items = await query
      .select(...summaryColumns, database.raw('count(*) over () as page_total'))
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(20);
    ctx.body = { items, total: Number(items[0]?.page_total ?? 0) };
  });
  router.put('/applications/:id/data', async (ctx) => {
    await sessionAccount(database, sessions, ctx.cookies.get('sid'));
    const { data } = ctx.request.body as { data: unknown };
    // As the portal saves: read, then write only while the version is the one read.
    const row = await database('applications').where({ id: ctx.params.id }).first();
    const [updated] = await database('applications')
      .where({ id: row.id, version: row.version })
      .update({ data: JSON.stringify(data), version: row.version + 1, updated_at: new Date() })
      .returning('*');
    ctx.body = updated;
  });
  router.post('/applications/:id/events', async (ctx) => {
    const accountId = await sessionAccount(database, sessions, ctx.cookies.get('sid'));
    ctx.body = await database.transaction((trx) =>
      submitLikeThePortal(trx, ctx.params.id ?? '', accountId),
    );
  });
  app.use(bodyParser());
  app.use(router.routes());
  return app;
}

/**
 * The statements of the portal's SUBMIT, in its order and with rows of its sizes: the row lock,
 * the check of the uploaded files the data names, the state update, the audit row, the 5-day
 * acceptance timer and three outbox rows (a timer row, and two notifications whose payloads
 * carry the form data as the portal's template context does).
 */
async function submitLikeThePortal(trx: Database, id: string, accountId: string) {
  const row = await trx('applications').where({ id }).forUpdate().first();
  await trx('attachments')
    .where({ application_id: row.id })
    .whereIn('id', fileIdsOf(row.data))
    .select('id', 'sha256');
  const now = new Date();
  const [updated] = await trx('applications')
    .where({ id: row.id })
    .update({
      status: 'submitted',
      category: 'submitted',
      snapshot: JSON.stringify({ status: 'active', value: 'submitted', historyValue: {} }),
      corrections: null,
      version: row.version + 1,
      updated_at: now,
      submitted_at: now,
    })
    .returning('*');
  const last = await trx('application_events')
    .where({ application_id: row.id })
    .max({ seq: 'seq' })
    .first();
  await trx('application_events').insert({
    application_id: row.id,
    seq: Number(last?.seq ?? 0) + 1,
    event: 'SUBMIT',
    from_status: row.status,
    to_status: 'submitted',
    actor_id: accountId,
    actor_kind: 'applicant',
    actor_roles: [],
    created_at: now,
  });
  const timerId = randomUUID();
  const dueAt = new Date(now.getTime() + fiveDays);
  await trx('timers').insert({
    id: timerId,
    application_id: row.id,
    kind: 'after',
    key: `xstate.after.P5D.${row.matter_id}.submitted`,
    event: JSON.stringify({ type: `xstate.after.P5D.${row.matter_id}.submitted` }),
    status: 'pending',
    due_at: dueAt,
    duration_ms: fiveDays,
  });
  const notice = (template: string) =>
    JSON.stringify({ template, to: 'applicant', context: { data: row.data, now } });
  await trx('outbox').insert([
    { application_id: row.id, kind: 'timer', payload: JSON.stringify({ timerId, dueAt }) },
    { application_id: row.id, kind: 'email', payload: notice('submitted') },
    { application_id: row.id, kind: 'sms', payload: notice('submitted') },
  ]);
  return updated;
}

const fiveDays = 5 * 24 * 3600 * 1000;

/** The ids of uploaded files the data references (`{id, name, size, sha256}` anywhere in it). */
function fileIdsOf(data: unknown): string[] {
  if (Array.isArray(data)) return data.flatMap(fileIdsOf);
  if (!data || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  if (typeof record.id === 'string' && typeof record.sha256 === 'string') return [record.id];
  return Object.values(record).flatMap(fileIdsOf);
}

async function sessionAccount(
  database: Database,
  sessions: SessionStore,
  sid: string | undefined,
): Promise<string> {
  const session = await sessions.read(sid ?? '');
  const account = await database('accounts')
    .where({ id: session?.accountId ?? null })
    .first('id');
  return account?.id;
}
