import { initialTransition, transition } from 'xstate';
import type { FormIssue } from '../form/form-validator';
import type { TransitionMeta } from '../matter-definition';
import { type WorkflowActor, actorMaySend, describeActor, systemActor } from './workflow-actor';
import {
  type WorkflowEffect,
  type WorkflowTimers,
  collectEffects,
  isTimerEvent,
} from './workflow-effects';
import { type WorkflowEvent, type WorkflowMachine, workflowForm } from './workflow-machine';
import { checkPayload } from './workflow-payload';
import {
  type PersistedWorkflowSnapshot,
  type WorkflowSnapshot,
  persistSnapshot,
  restoreSnapshot,
} from './workflow-snapshot';

export type { PersistedWorkflowSnapshot } from './workflow-snapshot';
export { type StateInfo, stateInfo } from './state-info';

export interface WorkflowStart {
  snapshot: PersistedWorkflowSnapshot;
  state: string;
  actions: WorkflowEffect[];
  timers: WorkflowTimers;
}

export interface StepTaken {
  ok: true;
  from: string;
  to: string;
  /** Whether `to` is a final state: the application is closed. */
  final: boolean;
  snapshot: PersistedWorkflowSnapshot;
  actions: WorkflowEffect[];
  timers: WorkflowTimers;
}

export type StepRefusalCode =
  | 'event_invalid'
  | 'snapshot_invalid'
  | 'event_not_allowed'
  | 'actor_not_allowed'
  | 'comment_required'
  | 'corrections_required'
  | 'corrections_invalid'
  | 'form_incomplete'
  | 'workflow_error';

export interface StepRefused {
  ok: false;
  code: StepRefusalCode;
  message: string;
  details?: FormIssue[];
}

export type StepResult = StepTaken | StepRefused;

/** An event the actor may send now, with what the client needs to offer it. */
export interface AvailableEvent {
  type: string;
  target: string | undefined;
  label: TransitionMeta['label'];
  payload: NonNullable<TransitionMeta['payload']>;
  validateForm: boolean;
}

/** Starts a new application's workflow: its initial state with entry actions and timers. */
export function startWorkflow(machine: WorkflowMachine, data: unknown): WorkflowStart {
  const [snapshot, executed] = initialTransition(machine, { data });
  return {
    snapshot: persistSnapshot(machine, snapshot),
    state: stateOf(snapshot),
    ...collectEffects(machine, executed),
  };
}

/**
 * Takes one event: the transition XState would take (the first whose guard passes), authorized
 * against that transition's `meta.by`, its payload and, for a submit, the whole form checked.
 * Pure: the data comes in, the next snapshot, actions and timers go out; nothing is written.
 * Refusals come back as data with a stable code, in the order of the checks above.
 */
export function stepWorkflow(
  machine: WorkflowMachine,
  persisted: unknown,
  data: unknown,
  event: WorkflowEvent,
): StepResult {
  if (!isWorkflowEvent(event)) {
    return refuse('event_invalid', 'an event needs a string type and an actor with a kind');
  }
  const restored = restoreSnapshot(machine, persisted, data);
  if (!restored.ok) return refuse('snapshot_invalid', restored.message);
  const snapshot = restored.snapshot;
  const from = stateOf(snapshot);
  const chosen = chooseTransition(machine, snapshot, event);
  if (!chosen.ok) return chosen;
  const refusal =
    authorize(chosen.meta, event, from) ??
    checkPayload(chosen.meta, event) ??
    checkForm(machine, chosen.meta, data);
  if (refusal) return refusal;
  return takeTransition(machine, snapshot, event, from);
}

/** The events the actor may send now: a transition exists, its guard passes, `by` admits them. */
export function availableEvents(
  machine: WorkflowMachine,
  persisted: unknown,
  data: unknown,
  actor: WorkflowActor,
): AvailableEvent[] {
  const restored = restoreSnapshot(machine, persisted, data);
  if (!restored.ok || restored.snapshot.status !== 'active') return [];
  const snapshot = restored.snapshot;
  const eventTypes = Object.keys(machine.states[stateOf(snapshot)]?.config.on ?? {});
  return eventTypes.flatMap((type) => {
    const chosen = chooseTransition(machine, snapshot, { type, actor });
    if (!chosen.ok || !actorMaySend(chosen.meta.by, actor)) return [];
    return [describeEvent(type, chosen.meta, chosen.target)];
  });
}

/** The event that fires a durable timer, to send as the system when its time has come. */
export function timerEvent(timerId: string): WorkflowEvent {
  return { type: timerId, actor: systemActor };
}

type Chosen = { ok: true; meta: TransitionMeta; target: string | undefined } | StepRefused;

function chooseTransition(
  machine: WorkflowMachine,
  snapshot: WorkflowSnapshot,
  event: WorkflowEvent,
): Chosen {
  const state = stateOf(snapshot);
  if (snapshot.status !== 'active') {
    return refuse('event_not_allowed', `"${event.type}" cannot be sent: state "${state}" is final`);
  }
  let candidates;
  try {
    candidates = machine.getTransitionData(snapshot, event);
  } catch (error) {
    return refuse(
      'workflow_error',
      `guard of "${event.type}" in state "${state}" failed: ${reasonOf(error)}`,
    );
  }
  const first = candidates[0];
  if (!first) return refuse('event_not_allowed', noTransitionMessage(machine, state, event.type));
  const target = first.target?.[0]?.key;
  return { ok: true, meta: (first as { meta?: TransitionMeta }).meta ?? {}, target };
}

function noTransitionMessage(machine: WorkflowMachine, state: string, type: string): string {
  const listed = Object.hasOwn(machine.states[state]?.config.on ?? {}, type);
  return listed
    ? `"${type}" is not allowed in state "${state}" now: no guard of its transitions passes`
    : `"${type}" is not an event of state "${state}"`;
}

function authorize(
  meta: TransitionMeta,
  event: WorkflowEvent,
  state: string,
): StepRefused | undefined {
  const admitted = isTimerEvent(event.type)
    ? event.actor.kind === 'system'
    : actorMaySend(meta.by, event.actor);
  if (admitted) return undefined;
  const who = isTimerEvent(event.type) ? 'system' : (meta.by ?? ['system']).join(', ');
  const message = `"${event.type}" in state "${state}" may be sent by ${who}, not by ${describeActor(event.actor)}`;
  return refuse('actor_not_allowed', message);
}

function checkForm(
  machine: WorkflowMachine,
  meta: TransitionMeta,
  data: unknown,
): StepRefused | undefined {
  if (!meta.validateForm) return undefined;
  const issues = workflowForm(machine).validate(data);
  if (issues.length === 0) return undefined;
  const message = `the form has ${issues.length} issue${issues.length === 1 ? '' : 's'} to fix before this event`;
  return { ok: false, code: 'form_incomplete', message, details: issues };
}

function takeTransition(
  machine: WorkflowMachine,
  snapshot: WorkflowSnapshot,
  event: WorkflowEvent,
  from: string,
): StepResult {
  let next;
  let executed;
  try {
    [next, executed] = transition(machine, snapshot, event);
  } catch (error) {
    return refuse(
      'workflow_error',
      `"${event.type}" in state "${from}" failed: ${reasonOf(error)}`,
    );
  }
  if (next.status === 'error') {
    return refuse(
      'workflow_error',
      `"${event.type}" in state "${from}" failed: ${reasonOf(next.error)}`,
    );
  }
  const effects = collectEffects(machine, executed);
  const to = stateOf(next);
  return {
    ok: true,
    from,
    to,
    final: next.status === 'done',
    snapshot: persistSnapshot(machine, next),
    ...effects,
  };
}

function describeEvent(
  type: string,
  meta: TransitionMeta,
  target: string | undefined,
): AvailableEvent {
  return {
    type,
    target,
    label: meta.label,
    payload: meta.payload ?? {},
    validateForm: meta.validateForm === true,
  };
}

/** Events come from API bodies and job payloads: their shape is checked, not trusted. */
function isWorkflowEvent(event: unknown): event is WorkflowEvent {
  const { type, actor } = (event ?? {}) as Partial<WorkflowEvent>;
  return (
    typeof type === 'string' &&
    typeof actor === 'object' &&
    actor !== null &&
    typeof actor.kind === 'string'
  );
}

function stateOf(snapshot: WorkflowSnapshot): string {
  return String(snapshot.value);
}

function refuse(code: StepRefusalCode, message: string): StepRefused {
  return { ok: false, code, message };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
