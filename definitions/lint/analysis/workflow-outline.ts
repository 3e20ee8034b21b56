import { joinPointer } from '../../source/json-pointer';
import { isObject } from '../../source/loaded-definition';

export interface OutlineState {
  name: string;
  pointer: string;
  value: Record<string, unknown>;
  final: boolean;
}

/** Where a transition hangs: an event under `on`, a delay under `after`, or `always`. */
export type TransitionSource = 'on' | 'after' | 'always';

export interface OutlineTransition {
  state: string;
  source: TransitionSource;
  /** The event or delay; '' under `always`. */
  key: string;
  /** Pointer of the `on`/`after` key or of `always`, shared by the transitions listed there. */
  keyPointer: string;
  pointer: string;
  value: unknown;
}

/** A guard or action as written at one place; its shape is not checked yet. */
export interface OutlineItem {
  pointer: string;
  value: unknown;
}

/**
 * The states, transitions, guards and actions of a workflow with their pointers, read from any
 * shape: whatever is not where the meta-schema expects it is skipped (the schema rule reports
 * it). Cached per workflow object, since most workflow rules need it.
 */
export interface WorkflowOutline {
  initial: unknown;
  states: OutlineState[];
  transitions: OutlineTransition[];
  guards: OutlineItem[];
  actions: OutlineItem[];
}

const outlines = new WeakMap<object, WorkflowOutline>();

export function outlineWorkflow(workflow: unknown): WorkflowOutline {
  if (!isObject(workflow))
    return { initial: undefined, states: [], transitions: [], guards: [], actions: [] };
  let outline = outlines.get(workflow);
  if (!outline) {
    outline = buildOutline(workflow);
    outlines.set(workflow, outline);
  }
  return outline;
}

function buildOutline(workflow: Record<string, unknown>): WorkflowOutline {
  const outline: WorkflowOutline = {
    initial: workflow.initial,
    states: [],
    transitions: [],
    guards: [],
    actions: [],
  };
  const states = isObject(workflow.states) ? workflow.states : {};
  for (const [name, value] of Object.entries(states)) {
    if (!isObject(value)) continue;
    const pointer = joinPointer('/states', name);
    outline.states.push({ name, pointer, value, final: value.type === 'final' });
    addStateParts(outline, name, pointer, value);
  }
  return outline;
}

function addStateParts(
  outline: WorkflowOutline,
  state: string,
  pointer: string,
  value: Record<string, unknown>,
): void {
  addActions(outline, joinPointer(pointer, 'entry'), value.entry);
  addActions(outline, joinPointer(pointer, 'exit'), value.exit);
  for (const source of ['on', 'after'] as const) {
    const map = value[source];
    if (!isObject(map)) continue;
    for (const [key, transitions] of Object.entries(map)) {
      const keyPointer = joinPointer(pointer, source, key);
      addTransitions(outline, { state, source, key, keyPointer }, transitions);
    }
  }
  if (value.always !== undefined) {
    const keyPointer = joinPointer(pointer, 'always');
    addTransitions(outline, { state, source: 'always', key: '', keyPointer }, value.always);
  }
}

type TransitionPlace = Pick<OutlineTransition, 'state' | 'source' | 'key' | 'keyPointer'>;

function addTransitions(outline: WorkflowOutline, place: TransitionPlace, value: unknown): void {
  const list = Array.isArray(value) ? value : [value];
  list.forEach((transition, index) => {
    const pointer = Array.isArray(value) ? joinPointer(place.keyPointer, index) : place.keyPointer;
    outline.transitions.push({ ...place, pointer, value: transition });
    if (!isObject(transition)) return;
    if (transition.guard !== undefined) {
      outline.guards.push({ pointer: joinPointer(pointer, 'guard'), value: transition.guard });
    }
    addActions(outline, joinPointer(pointer, 'actions'), transition.actions);
  });
}

function addActions(outline: WorkflowOutline, pointer: string, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    outline.actions.push({ pointer, value });
    return;
  }
  value.forEach((action, index) => {
    outline.actions.push({ pointer: joinPointer(pointer, index), value: action });
  });
}

/** The target state names of a transition, when it names one. */
export function transitionTarget(transition: unknown): string | undefined {
  if (!isObject(transition)) return undefined;
  return typeof transition.target === 'string' ? transition.target : undefined;
}
