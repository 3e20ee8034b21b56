import {
  type GuardConfig,
  type TransitionConfig,
  type WorkflowConfig,
  asList,
} from '../matter-definition';

/** One arrow of a workflow diagram, with the words that go on it. */
export interface WorkflowEdge {
  from: string;
  /** The target; the source itself for a transition without one. */
  to: string;
  /** `SUBMIT`, `after P5D` or `always`. */
  trigger: string;
  /** Who may send it, such as `applicant` or `reviewer / officer`. */
  senders: string;
  /** A short reading of the guard, such as `formComplete`; '' without one. */
  guard: string;
}

/** Every transition of a workflow as an edge, in document order. */
export function workflowEdges(workflow: WorkflowConfig): WorkflowEdge[] {
  return Object.entries(workflow.states).flatMap(([from, state]) => [
    ...Object.entries(state.on ?? {}).flatMap(([event, transitions]) =>
      asList(transitions).map((t) => toEdge(from, event, t)),
    ),
    ...Object.entries(state.after ?? {}).flatMap(([delay, transitions]) =>
      asList(transitions).map((t) => toEdge(from, `after ${delay}`, t, 'system')),
    ),
    ...asList(state.always).map((t) => toEdge(from, 'always', t, 'system')),
  ]);
}

function toEdge(
  from: string,
  trigger: string,
  transition: TransitionConfig,
  implied?: string,
): WorkflowEdge {
  const by = transition.meta?.by;
  const senders = by && by.length > 0 ? by.join(' / ') : (implied ?? 'nobody');
  const guard = transition.guard ? describeGuard(transition.guard) : '';
  return { from, to: transition.target ?? from, trigger, senders, guard };
}

/** A guard in a few words: `formComplete`, `actorHasRole chief`, `not(dataSatisfies)`. */
export function describeGuard(guard: GuardConfig): string {
  const params = guard.params ?? {};
  switch (guard.type) {
    case 'actorHasRole':
      return `actorHasRole ${String(params.role)}`;
    case 'and':
    case 'or':
      return `${guard.type}(${asGuards(params.guards).map(describeGuard).join(', ')})`;
    case 'not':
      return `not(${asGuards([params.guard]).map(describeGuard).join('')})`;
    default:
      return String(guard.type);
  }
}

function asGuards(value: unknown): GuardConfig[] {
  return Array.isArray(value)
    ? value.filter((g): g is GuardConfig => typeof g?.type === 'string')
    : [];
}
