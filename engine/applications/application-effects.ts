import { randomUUID } from 'node:crypto';
import type { CompiledDefinition } from '../../definitions/compiled-definition';
import { parseIsoDuration } from '../../definitions/workflow/duration';
import { stateInfo } from '../../definitions/workflow/state-info';
import type { WorkflowEffect, WorkflowTimers } from '../../definitions/workflow/workflow-effects';
import type { Database } from '../database/database';
import type { Application } from './application-record';

/** What a workflow step produced, for the engine to write down in the same transaction. */
export interface StepEffects {
  actions: WorkflowEffect[];
  timers: WorkflowTimers;
}

export interface EffectContext {
  now: Date;
  event: string;
  from?: string | null;
  comment?: string;
  final?: boolean;
}

/**
 * Writes what a step asks for: outbox rows for notifications, documents and webhooks, timer rows
 * for `after` delays and deadlines. Deadlines pause or restart when the application enters
 * correction and go on when it leaves; everything pending stops at a final state.
 */
export async function recordEffects(
  trx: Database,
  compiled: CompiledDefinition,
  application: Application,
  effects: StepEffects,
  context: EffectContext,
): Promise<void> {
  await cancelAfterTimers(trx, application.id, effects.timers.cancel);
  await startAfterTimers(trx, application.id, effects.timers.start, context.now);
  for (const action of effects.actions)
    await recordAction(trx, compiled, application, action, context);
  await adjustDeadlines(trx, compiled, application, context);
  await recordWebhooks(trx, compiled, application, context);
  if (context.final) await cancelAllTimers(trx, application.id);
  await flushOutbox(trx);
}

async function recordAction(
  trx: Database,
  compiled: CompiledDefinition,
  application: Application,
  action: WorkflowEffect,
  context: EffectContext,
): Promise<void> {
  const params = action.params;
  if (action.type === 'setDeadline') return setDeadline(trx, application.id, params, context.now);
  if (action.type === 'clearDeadline') return clearDeadline(trx, application.id, String(params.id));
  const payload = {
    ...params,
    matterId: application.matterId,
    matterVersion: application.matterVersion,
    render: renderContext(compiled, application, context),
    applicant: application.applicant,
  };
  queueOutbox(trx, application.id, action.type, payload);
}

/** The template context of README's "templates" section, frozen at the time of the event. */
export function renderContext(
  compiled: CompiledDefinition,
  application: Application,
  context: EffectContext,
) {
  const { matter, workflow } = compiled.definition;
  const label = stateInfo(workflow, application.status)?.label;
  return {
    data: application.data,
    application: {
      id: application.id,
      reference: application.reference,
      status: application.status,
      statusLabel: label?.['zh-CN'] ?? application.status,
      statusLabelEn: label?.en ?? application.status,
      submittedAt: application.submittedAt?.toISOString() ?? null,
    },
    matter: {
      id: matter.id,
      version: matter.version,
      title: matter.title['zh-CN'],
      titleEn: matter.title.en,
    },
    applicant: { name: application.applicant.name },
    comment: context.comment ?? null,
    corrections: application.corrections?.items ?? [],
    event: context.event,
    now: context.now.toISOString(),
  };
}

export async function writeOutbox(
  trx: Database,
  applicationId: string | null,
  kind: string,
  payload: unknown,
): Promise<void> {
  await trx('outbox').insert({
    application_id: applicationId,
    kind,
    payload: JSON.stringify(payload),
  });
}

/** Outbox rows of one recordEffects call, inserted together in one statement at its end. */
const queuedRows = new WeakMap<Database, Record<string, unknown>[]>();

function queueOutbox(
  trx: Database,
  applicationId: string | null,
  kind: string,
  payload: unknown,
): void {
  const rows = queuedRows.get(trx) ?? [];
  rows.push({ application_id: applicationId, kind, payload: JSON.stringify(payload) });
  queuedRows.set(trx, rows);
}

async function flushOutbox(trx: Database): Promise<void> {
  const rows = queuedRows.get(trx);
  queuedRows.delete(trx);
  if (rows?.length) await trx('outbox').insert(rows);
}

async function startAfterTimers(
  trx: Database,
  applicationId: string,
  starts: WorkflowTimers['start'],
  now: Date,
): Promise<void> {
  for (const start of starts) {
    const id = randomUUID();
    const dueAt = new Date(now.getTime() + start.delayMs);
    await trx('timers').insert({
      id,
      application_id: applicationId,
      kind: 'after',
      key: start.id,
      event: JSON.stringify(start.event),
      status: 'pending',
      due_at: dueAt,
      duration_ms: start.delayMs,
    });
    queueOutbox(trx, applicationId, 'timer', { timerId: id, dueAt: dueAt.toISOString() });
  }
}

async function cancelAfterTimers(trx: Database, applicationId: string, keys: string[]) {
  if (keys.length === 0) return;
  await cancelTimers(
    trx,
    trx('timers').where({ application_id: applicationId, kind: 'after' }).whereIn('key', keys),
  );
}

async function cancelAllTimers(trx: Database, applicationId: string): Promise<void> {
  await cancelTimers(trx, trx('timers').where({ application_id: applicationId }));
}

/** Cancels live timers and queues the removal of their delayed jobs. */
async function cancelTimers(trx: Database, query: ReturnType<Database>): Promise<void> {
  const cancelled: { id: string; application_id: string }[] = await query
    .whereIn('status', ['pending', 'paused'])
    .update({ status: 'cancelled', updated_at: trx.fn.now() })
    .returning(['id', 'application_id']);
  for (const timer of cancelled) {
    queueOutbox(trx, timer.application_id, 'timer-cancel', { timerId: timer.id });
  }
}

async function setDeadline(
  trx: Database,
  applicationId: string,
  params: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const key = String(params.id);
  const durationMs = parseIsoDuration(String(params.duration)) ?? 0;
  await clearDeadline(trx, applicationId, key);
  const id = randomUUID();
  const dueAt = new Date(now.getTime() + durationMs);
  const onExpiry = typeof params.onExpiry === 'string' ? params.onExpiry : null;
  await trx('timers').insert({
    id,
    application_id: applicationId,
    kind: 'deadline',
    key,
    event: JSON.stringify({ type: onExpiry }),
    status: 'pending',
    due_at: dueAt,
    duration_ms: durationMs,
    on_correction: typeof params.onCorrection === 'string' ? params.onCorrection : 'continue',
  });
  queueOutbox(trx, applicationId, 'timer', { timerId: id, dueAt: dueAt.toISOString() });
}

async function clearDeadline(trx: Database, applicationId: string, key: string): Promise<void> {
  await cancelTimers(
    trx,
    trx('timers').where({ application_id: applicationId, kind: 'deadline', key }),
  );
}

/** Deadlines wait while the applicant corrects: paused with what remained, or to start anew. */
async function adjustDeadlines(
  trx: Database,
  compiled: CompiledDefinition,
  application: Application,
  context: EffectContext,
): Promise<void> {
  const workflow = compiled.definition.workflow;
  const before = context.from ? stateInfo(workflow, context.from)?.category : undefined;
  const after = stateInfo(workflow, application.status)?.category;
  if (before !== 'correction' && after === 'correction')
    await pauseDeadlines(trx, application.id, context.now);
  if (before === 'correction' && after !== 'correction')
    await resumeDeadlines(trx, application.id, context.now);
}

async function pauseDeadlines(trx: Database, applicationId: string, now: Date): Promise<void> {
  const live = await trx('timers').where({
    application_id: applicationId,
    kind: 'deadline',
    status: 'pending',
  });
  for (const timer of live) {
    if (timer.on_correction === 'continue') continue;
    const remaining =
      timer.on_correction === 'restart'
        ? Number(timer.duration_ms)
        : Math.max(0, new Date(timer.due_at).getTime() - now.getTime());
    await trx('timers')
      .where({ id: timer.id })
      .update({ status: 'paused', remaining_ms: remaining, due_at: null, updated_at: now });
    queueOutbox(trx, applicationId, 'timer-cancel', { timerId: timer.id });
  }
}

async function resumeDeadlines(trx: Database, applicationId: string, now: Date): Promise<void> {
  const paused = await trx('timers').where({ application_id: applicationId, status: 'paused' });
  for (const timer of paused) {
    const dueAt = new Date(now.getTime() + Number(timer.remaining_ms ?? 0));
    await trx('timers')
      .where({ id: timer.id })
      .update({ status: 'pending', due_at: dueAt, remaining_ms: null, updated_at: now });
    queueOutbox(trx, applicationId, 'timer', {
      timerId: timer.id,
      dueAt: dueAt.toISOString(),
    });
  }
}

async function recordWebhooks(
  trx: Database,
  compiled: CompiledDefinition,
  application: Application,
  context: EffectContext,
): Promise<void> {
  for (const webhook of compiled.definition.matter.webhooks ?? []) {
    queueOutbox(trx, application.id, 'webhook', {
      url: webhook.url,
      secretEnv: webhook.secretEnv,
      body: {
        applicationId: application.id,
        reference: application.reference,
        matter: { id: application.matterId, version: application.matterVersion },
        event: context.event,
        from: context.from ?? null,
        to: application.status,
        category: application.category,
        at: context.now.toISOString(),
      },
    });
  }
}
