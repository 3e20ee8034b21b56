import type { SnapshotFrom } from 'xstate';
import type { WorkflowMachine } from './workflow-machine';

/**
 * What the engine stores of a workflow: XState's persisted snapshot as JSON. The application
 * data is left out (`context.data` is null): it lives in the application row, changes with every
 * draft save, and is put back in on restore, so guards always see the current data.
 */
export interface PersistedWorkflowSnapshot {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: string;
  context: { data: null };
  [key: string]: unknown;
}

export function persistSnapshot(
  machine: WorkflowMachine,
  snapshot: WorkflowSnapshot,
): PersistedWorkflowSnapshot {
  const persisted = machine.getPersistedSnapshot(snapshot) as Record<string, unknown>;
  return JSON.parse(
    JSON.stringify({ ...persisted, context: { data: null } }),
  ) as PersistedWorkflowSnapshot;
}

export type WorkflowSnapshot = SnapshotFrom<WorkflowMachine>;

export type Restored = { ok: true; snapshot: WorkflowSnapshot } | { ok: false; message: string };

/** Rebuilds a machine snapshot from its stored JSON and the current data; never throws. */
export function restoreSnapshot(
  machine: WorkflowMachine,
  persisted: unknown,
  data: unknown,
): Restored {
  const value = (persisted as { value?: unknown } | null)?.value;
  if (typeof value !== 'string' || !Object.hasOwn(machine.states, value)) {
    return {
      ok: false,
      message: `stored workflow state ${JSON.stringify(value) ?? 'undefined'} is not a state of workflow "${machine.id}"`,
    };
  }
  const snapshot = machine.resolveState({ value, context: { data } });
  return { ok: true, snapshot };
}
