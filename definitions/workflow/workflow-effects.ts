import type { AnyStateMachine } from 'xstate';
import { type WorkflowActionType, actionTypes, timerDelays } from './workflow-machine';

/** An action for the engine to turn into an outbox row: a notification, document or deadline. */
export interface WorkflowEffect {
  type: WorkflowActionType;
  params: Record<string, unknown>;
}

/** A durable timer to start: fire `event` (see timerEvent) after `delayMs`. */
export interface TimerStart {
  id: string;
  delayMs: number;
  /** The ISO 8601 key of the `after` it comes from, such as `P5D`. */
  delay: string;
  event: { type: string };
}

/** Timers a step starts and cancels. Apply the cancels first: re-entering a state does both. */
export interface WorkflowTimers {
  start: TimerStart[];
  cancel: string[];
}

export interface WorkflowEffects {
  actions: WorkflowEffect[];
  timers: WorkflowTimers;
}

const timerEventPrefix = 'xstate.after.';

/** Whether an event type is a delayed (`after`) event, which only the system may send. */
export function isTimerEvent(type: string): boolean {
  return type.startsWith(timerEventPrefix);
}

interface ExecutableAction {
  type: string;
  params?: unknown;
}

/**
 * Splits what XState's pure transition returned into vocabulary actions and timers: a delayed
 * `xstate.raise` starts a timer, an `xstate.cancel` stops one. A timer started and then
 * cancelled within the same step is not started at all.
 */
export function collectEffects(
  machine: AnyStateMachine,
  executed: readonly ExecutableAction[],
): WorkflowEffects {
  const delays = delaysOf(machine);
  const actions: WorkflowEffect[] = [];
  const start = new Map<string, TimerStart>();
  const cancel = new Set<string>();
  for (const action of executed) {
    const params = asRecord(action.params);
    if (action.type === 'xstate.raise' && typeof params.delay === 'number') {
      const id = String(params.id);
      start.set(id, {
        id,
        delayMs: params.delay,
        delay: delays.get(id) ?? '',
        event: { type: id },
      });
    } else if (action.type === 'xstate.cancel') {
      const id = String(params.sendId);
      start.delete(id);
      cancel.add(id);
    } else if (isActionType(action.type)) {
      actions.push({ type: action.type, params: structuredClone(params) });
    }
  }
  return { actions, timers: { start: [...start.values()], cancel: [...cancel] } };
}

function isActionType(type: string): type is WorkflowActionType {
  return (actionTypes as readonly string[]).includes(type);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

const delayCache = new WeakMap<AnyStateMachine, Map<string, string>>();

/** The ISO key of every timer id of a machine, worked out once per machine. */
export function delaysOf(machine: AnyStateMachine): Map<string, string> {
  let delays = delayCache.get(machine);
  if (!delays) {
    delays = timerDelays(machine);
    delayCache.set(machine, delays);
  }
  return delays;
}
