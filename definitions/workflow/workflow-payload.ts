import type { TransitionMeta } from '../matter-definition';
import type { Correction, WorkflowEvent } from './workflow-machine';

export interface PayloadRefusal {
  ok: false;
  code: 'comment_required' | 'corrections_required' | 'corrections_invalid';
  message: string;
}

/**
 * Checks an event's payload against what its transition's `meta.payload` asks: a non-blank
 * comment, and corrections as a non-empty list of `{pointer, reason}`. Corrections sent where
 * none are asked are still checked for shape, since the engine stores them.
 */
export function checkPayload(
  meta: TransitionMeta,
  event: WorkflowEvent,
): PayloadRefusal | undefined {
  const payload = meta.payload ?? {};
  if (payload.comment === 'required' && !hasText(event.comment)) {
    return refuse('comment_required', `"${event.type}" needs a comment saying why`);
  }
  if (event.corrections !== undefined && !areCorrections(event.corrections)) {
    const message = `corrections of "${event.type}" must be a list of {pointer, reason}, each pointer a JSON pointer such as /companyName`;
    return refuse('corrections_invalid', message);
  }
  if (payload.corrections === 'required' && (event.corrections ?? []).length === 0) {
    return refuse(
      'corrections_required',
      `"${event.type}" needs the fields to correct, each with a reason`,
    );
  }
  return undefined;
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

function areCorrections(value: unknown): value is Correction[] {
  return Array.isArray(value) && value.every(isCorrection);
}

function isCorrection(value: unknown): value is Correction {
  if (typeof value !== 'object' || value === null) return false;
  const { pointer, reason } = value as Record<string, unknown>;
  return (
    typeof pointer === 'string' && (pointer === '' || pointer.startsWith('/')) && hasText(reason)
  );
}

function refuse(code: PayloadRefusal['code'], message: string): PayloadRefusal {
  return { ok: false, code, message };
}
