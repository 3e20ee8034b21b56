import type { Correction, DeskAction } from './desk-application';

/** What the officer entered in an action's dialog. */
export interface EventDraft {
  comment: string;
  /** The fields picked for correction, by pointer, each with its reason as typed. */
  corrections: { pointer: string; reason: string }[];
}

/** The body of `POST /api/applications/{id}/events`. */
export interface EventRequest {
  type: string;
  version: number;
  comment?: string;
  corrections?: Correction[];
}

/** Something to fix before sending, placed on the input it concerns. */
export interface EventProblem {
  /** `comment`, `corrections`, or `reason:` + the field's pointer. */
  place: string;
  code: 'comment_required' | 'corrections_required' | 'reason_required';
}

export type EventRequestResult =
  { ok: true; request: EventRequest } | { ok: false; problems: EventProblem[] };

/** Whether an action asks for anything (a comment, fields to correct): then it opens a dialog. */
export function needsDialog(action: DeskAction): boolean {
  return action.payload.comment !== undefined || action.payload.corrections !== undefined;
}

/**
 * Builds the event body from the dialog, checking what the transition's `meta.payload` asks
 * before the server does: a comment that is not blank when required; when corrections are
 * required, at least one field; and a reason for every field picked. Every problem comes back
 * at once. The application's `version` goes along so a change by someone else is a 409.
 */
export function buildEventRequest(
  action: DeskAction,
  version: number,
  draft: EventDraft,
): EventRequestResult {
  const comment = draft.comment.trim();
  const corrections = draft.corrections.map((c) => ({
    pointer: c.pointer,
    reason: c.reason.trim(),
  }));
  const problems = [
    ...commentProblems(action, comment),
    ...correctionProblems(action, corrections),
  ];
  if (problems.length > 0) return { ok: false, problems };
  const request: EventRequest = { type: action.type, version };
  if (comment && action.payload.comment !== undefined) request.comment = comment;
  if (corrections.length > 0 && action.payload.corrections !== undefined) {
    request.corrections = corrections;
  }
  return { ok: true, request };
}

function commentProblems(action: DeskAction, comment: string): EventProblem[] {
  if (action.payload.comment !== 'required' || comment) return [];
  return [{ place: 'comment', code: 'comment_required' }];
}

function correctionProblems(action: DeskAction, corrections: Correction[]): EventProblem[] {
  if (action.payload.corrections === undefined) return [];
  if (action.payload.corrections === 'required' && corrections.length === 0) {
    return [{ place: 'corrections', code: 'corrections_required' }];
  }
  return corrections
    .filter((c) => !c.reason)
    .map((c) => ({ place: `reason:${c.pointer}`, code: 'reason_required' as const }));
}
