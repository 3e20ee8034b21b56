import { type AnyStateMachine, setup } from 'xstate';
import type { CompiledForm } from '../form/form-validator';
import {
  type GuardConfig,
  type StateConfig,
  type WorkflowConfig,
  asList,
} from '../matter-definition';
import { parseIsoDuration } from './duration';
import { evaluateGuard, guardTypes } from './guards';
import type { WorkflowActor } from './workflow-actor';

export type { WorkflowActor } from './workflow-actor';

/** A field the applicant must fix, named by its JSON pointer into the data, with the reason. */
export interface Correction {
  pointer: string;
  reason: string;
}

/** An event sent to an application: its type, who sends it and the payload the transition asks. */
export interface WorkflowEvent {
  type: string;
  actor: WorkflowActor;
  comment?: string;
  corrections?: Correction[];
}

export interface WorkflowContext {
  data: unknown;
}

/** The action types the engine turns into outbox rows. */
export const actionTypes = ['notify', 'issueDocument', 'setDeadline', 'clearDeadline'] as const;
export type WorkflowActionType = (typeof actionTypes)[number];

export type WorkflowMachine = ReturnType<typeof buildWorkflowMachine>;

/** A workflow config that names a delay no ISO 8601 duration can express. */
export class WorkflowBuildError extends Error {
  readonly code = 'workflow_invalid';
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowBuildError';
  }
}

/**
 * Builds the XState v5 machine of a workflow. The vocabulary's actions are registered as no-ops:
 * XState's pure `transition()` hands them back as `{type, params}` for the engine to turn into
 * outbox rows. Every `after` key becomes a named delay in milliseconds, and every guard runs
 * through `evaluateGuard` with the event's actor and the context's data.
 * Throws WorkflowBuildError for a delay that is not an ISO 8601 duration (the linter reports it
 * first).
 *
 * @example
 * const machine = buildWorkflowMachine(definition.workflow, compileForm(schema, materials));
 */
export function buildWorkflowMachine(workflow: WorkflowConfig, form: CompiledForm) {
  const machineSetup = setup({
    types: {} as {
      context: WorkflowContext;
      events: WorkflowEvent;
      input: WorkflowContext | undefined;
    },
    guards: buildGuards(form),
    actions: noOpActions(),
    delays: collectDelays(workflow),
  });
  // The workflow is plain JSON checked by the linter; XState's config type cannot see that.
  const machineConfig = {
    ...withoutSchemaKey(workflow),
    context: ({ input }: { input: WorkflowContext | undefined }) => ({ data: input?.data ?? null }),
  } as Parameters<typeof machineSetup.createMachine>[0];
  const machine = machineSetup.createMachine(machineConfig);
  machineForms.set(machine, form);
  return machine;
}

/** `$schema` serves editors; XState would take it for a config key it does not know. */
function withoutSchemaKey(workflow: WorkflowConfig): Omit<WorkflowConfig, '$schema'> {
  const config: Partial<WorkflowConfig> = { ...workflow };
  delete config.$schema;
  return config as Omit<WorkflowConfig, '$schema'>;
}

const machineForms = new WeakMap<object, CompiledForm>();

/** The form a machine was built with: the one a submit (`meta.validateForm`) checks. */
export function workflowForm(machine: AnyStateMachine): CompiledForm {
  const form = machineForms.get(machine);
  if (!form) throw new WorkflowBuildError('the machine was not built by buildWorkflowMachine');
  return form;
}

type GuardImplementation = (
  args: { context: WorkflowContext; event: WorkflowEvent },
  params: unknown,
) => boolean;

function buildGuards(form: CompiledForm): Record<string, GuardImplementation> {
  const guards: Record<string, GuardImplementation> = {};
  for (const type of guardTypes) {
    guards[type] = ({ context, event }, params) =>
      evaluateGuard({ type, params: asParams(params) } as GuardConfig, {
        data: context.data,
        form,
        actor: event.actor,
      });
  }
  return guards;
}

function asParams(params: unknown): Record<string, unknown> | undefined {
  return typeof params === 'object' && params !== null
    ? (params as Record<string, unknown>)
    : undefined;
}

function noOpActions(): Record<WorkflowActionType, () => void> {
  const noOp = () => undefined;
  return { notify: noOp, issueDocument: noOp, setDeadline: noOp, clearDeadline: noOp };
}

/** Every `after` key of the workflow, in milliseconds. */
function collectDelays(workflow: WorkflowConfig): Record<string, number> {
  const delays: Record<string, number> = {};
  for (const [stateName, state] of Object.entries(workflow.states)) {
    for (const key of Object.keys(state.after ?? {})) {
      const milliseconds = parseIsoDuration(key);
      if (milliseconds === null) {
        throw new WorkflowBuildError(
          `state "${stateName}": after key "${key}" is not an ISO 8601 duration such as P5D or PT12H`,
        );
      }
      delays[key] = milliseconds;
    }
  }
  return delays;
}

/** The ISO key of each delayed event of a machine: `xstate.after.P5D.workflow.state` → `P5D`. */
export function timerDelays(machine: AnyStateMachine): Map<string, string> {
  const delays = new Map<string, string>();
  for (const node of Object.values(machine.root.states)) {
    for (const transition of node.after) delays.set(transition.eventType, String(transition.delay));
  }
  return delays;
}

/** The transitions a state lists for an event, in the order XState tries them. */
export function transitionsOf(state: StateConfig | undefined, eventType: string) {
  return asList(state?.on?.[eventType]);
}
