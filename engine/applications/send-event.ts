import type { CompiledDefinition } from '../../definitions/compiled-definition';
import { stateInfo } from '../../definitions/workflow/state-info';
import type { Correction } from '../../definitions/workflow/workflow-machine';
import {
  type StepRefused,
  type StepTaken,
  stepWorkflow,
} from '../../definitions/workflow/workflow-step';
import type { Database } from '../database/database';
import type { EngineActor, EngineContext } from '../engine-context';
import { type EngineError, badInput, conflict, failure, notAllowed } from '../engine-error';
import { loadMatterVersion } from '../registry/matter-registry';
import { checkAttachmentReferences } from '../attachments/attachment-references';
import { recordEffects } from './application-effects';
import { lockApplication } from './application-access';
import { type Application, type CorrectionRequest, applicationFromRow } from './application-record';
import { appendAudit } from './audit-trail';

export interface SendEvent {
  applicationId: string;
  actor: EngineActor;
  type: string;
  comment?: string;
  corrections?: Correction[];
  /** The version the sender saw; a different current version is a conflict. */
  version?: number;
}

export interface EventResult {
  application: Application;
  from: string;
  to: string;
}

/**
 * Sends an event to an application in one transaction: lock the row and check the version,
 * check the actor may touch the application, let the pure workflow step choose, authorize and
 * validate the transition, then write state, version, audit row, outbox rows and timers. A
 * refused event writes nothing.
 */
export async function sendEvent(context: EngineContext, request: SendEvent): Promise<EventResult> {
  const result = await context.database.transaction((trx) => applyEvent(trx, context, request));
  context.afterCommit();
  context.logger.info(
    { applicationId: request.applicationId, event: request.type, from: result.from, to: result.to },
    'application event taken',
  );
  return result;
}

/** The body of sendEvent, for callers that already hold a transaction (timers). */
export async function applyEvent(
  trx: Database,
  context: EngineContext,
  request: SendEvent,
): Promise<EventResult> {
  const { application: current, snapshot } = await lockApplication(
    trx,
    request.applicationId,
    request.actor,
  );
  if (request.version !== undefined && request.version !== current.version) {
    throw conflict(
      'version_conflict',
      `the application is at version ${current.version}, not ${request.version}; reload it`,
    );
  }
  const compiled = await loadMatterVersion(trx, current.matterId, current.matterVersion);
  const step = stepWorkflow(compiled.machine, snapshot, current.data, {
    type: request.type,
    actor: request.actor,
    comment: request.comment,
    corrections: request.corrections,
  });
  if (!step.ok) throw refusal(step);
  if (request.actor.kind === 'applicant') {
    await checkAttachmentReferences(trx, current.id, current.data);
  }
  const now = context.now();
  const application = await persistStep(trx, compiled, current, step, request, now);
  await appendAudit(trx, current.id, {
    event: request.type,
    from: step.from,
    to: step.to,
    actor: request.actor,
    comment: request.comment,
    corrections: request.corrections,
    now,
  });
  await recordEffects(trx, compiled, application, step, {
    now,
    event: request.type,
    from: step.from,
    comment: request.comment,
    final: step.final,
  });
  return { application, from: step.from, to: step.to };
}

async function persistStep(
  trx: Database,
  compiled: CompiledDefinition,
  current: Application,
  step: StepTaken,
  request: SendEvent,
  now: Date,
): Promise<Application> {
  const info = stateInfo(compiled.definition.workflow, step.to);
  const category = info?.category ?? current.category;
  const [row] = await trx('applications')
    .where({ id: current.id })
    .update({
      status: step.to,
      category,
      snapshot: JSON.stringify(step.snapshot),
      corrections: correctionsAfter(current, category, request, now),
      version: current.version + 1,
      updated_at: now,
      submitted_at: current.submittedAt ?? (category === 'draft' ? null : now),
    })
    .returning('*');
  return applicationFromRow(row);
}

/**
 * A correction request stays with the application while it is in correction; the officer's
 * fields and comment replace any earlier ones, and leaving correction (resubmitting) clears them.
 */
function correctionsAfter(
  current: Application,
  category: string,
  request: SendEvent,
  now: Date,
): string | null {
  if (category !== 'correction') return null;
  if (request.corrections || current.category !== 'correction') {
    const correction: CorrectionRequest = {
      items: request.corrections ?? [],
      comment: request.comment ?? null,
      requestedAt: now.toISOString(),
    };
    return JSON.stringify(correction);
  }
  return current.corrections ? JSON.stringify(current.corrections) : null;
}

function refusal(step: StepRefused): EngineError {
  switch (step.code) {
    case 'event_not_allowed':
      return conflict('event_not_allowed', step.message);
    case 'actor_not_allowed':
      return notAllowed('actor_not_allowed', step.message);
    case 'form_incomplete':
      return badInput('form_incomplete', step.message, formDetails(step));
    case 'comment_required':
    case 'corrections_required':
    case 'corrections_invalid':
      return badInput(step.code, step.message, [
        { pointer: `/${step.code.split('_')[0]}`, code: step.code, message: step.message },
      ]);
    default:
      return failure(step.code, step.message, false);
  }
}

function formDetails(step: StepRefused) {
  return (step.details ?? []).map((issue) => ({
    pointer: issue.pointer,
    code: issue.code,
    message: issue.message.en,
    messages: issue.message,
  }));
}
