import { joinPointer } from '../../source/json-pointer';
import { isObject } from '../../source/loaded-definition';
import { type WorkflowOutline, transitionTarget } from '../analysis/workflow-outline';
import { withWorkflow } from '../analysis/with-workflow';
import type { LintRule } from '../lint-rule';

function stateNames(outline: WorkflowOutline): Set<string> {
  return new Set(outline.states.map((state) => state.name));
}

export const workflowUnknownStateRule: LintRule = {
  id: 'workflow-unknown-state',
  severity: 'error',
  explain:
    '"initial" and every transition "target" must name a key of "states" (flat states, no "#id" or dotted paths); fix the spelling or add the state.',
  check: withWorkflow((context, { part, outline, workflow }) => {
    const names = stateNames(outline);
    if (typeof workflow.initial === 'string' && !names.has(workflow.initial)) {
      const message = `initial state "${workflow.initial}" is not a key of "states"`;
      context.report(part, { pointer: '/initial', message });
    }
    for (const transition of outline.transitions) {
      const target = transitionTarget(transition.value);
      if (target === undefined || names.has(target)) continue;
      const pointer = joinPointer(transition.pointer, 'target');
      context.report(part, { pointer, message: `target "${target}" is not a key of "states"` });
    }
  }),
};

export const workflowUnreachableStateRule: LintRule = {
  id: 'workflow-unreachable-state',
  severity: 'error',
  explain:
    'No chain of transitions (on, after, always) leads from "initial" to this state, so no application can ever be in it; add a transition to it or remove it.',
  check: withWorkflow((context, { part, outline, workflow }) => {
    if (typeof workflow.initial !== 'string') return;
    const reached = reachableStates(outline, workflow.initial);
    if (!reached.has(workflow.initial)) return;
    for (const state of outline.states) {
      if (reached.has(state.name)) continue;
      const message = `state "${state.name}" cannot be reached from "${workflow.initial}"`;
      context.report(part, { pointer: state.pointer, message });
    }
  }),
};

function reachableStates(outline: WorkflowOutline, initial: string): Set<string> {
  const names = stateNames(outline);
  if (!names.has(initial)) return new Set();
  const reached = new Set([initial]);
  const queue = [initial];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const transition of outline.transitions) {
      const target = transitionTarget(transition.value);
      if (transition.state !== state || target === undefined) continue;
      if (!names.has(target) || reached.has(target)) continue;
      reached.add(target);
      queue.push(target);
    }
  }
  return reached;
}

export const workflowDeadEndRule: LintRule = {
  id: 'workflow-dead-end',
  severity: 'error',
  explain:
    'A state that is not "type": "final" needs at least one transition to another state, or applications get stuck in it; add a way out or mark it final.',
  check: withWorkflow((context, { part, outline }) => {
    for (const state of outline.states) {
      if (state.final) continue;
      const leaves = outline.transitions.some((transition) => {
        const target = transitionTarget(transition.value);
        return transition.state === state.name && target !== undefined && target !== state.name;
      });
      if (leaves) continue;
      const message = `state "${state.name}" is not final and has no transition to another state`;
      context.report(part, { pointer: state.pointer, message });
    }
  }),
};

export const workflowNoFinalStateRule: LintRule = {
  id: 'workflow-no-final-state',
  severity: 'error',
  explain:
    'Every application must be able to end: mark the closing states (approved, rejected, withdrawn...) with "type": "final".',
  check: withWorkflow((context, { part, outline }) => {
    if (outline.states.length === 0 || outline.states.some((state) => state.final)) return;
    const message = 'no state has "type": "final", so no application can ever finish';
    context.report(part, { pointer: '/states', message });
  }),
};

export const workflowStateMetaRule: LintRule = {
  id: 'workflow-state-meta',
  severity: 'error',
  explain:
    'Every state needs meta.category (its workstation column) and meta.label with zh-CN and en, which applicants and officers see; add them.',
  check: withWorkflow((context, { part, outline }) => {
    for (const state of outline.states) {
      const meta = state.value.meta;
      if (!isObject(meta)) {
        const message = `state "${state.name}" has no meta (category and label)`;
        context.report(part, { pointer: state.pointer, message });
        continue;
      }
      const metaPointer = joinPointer(state.pointer, 'meta');
      if (meta.category === undefined) {
        const message = `state "${state.name}" has no meta.category (its workstation column)`;
        context.report(part, { pointer: metaPointer, message });
      }
      if (meta.label === undefined) {
        const message = `state "${state.name}" has no meta.label in zh-CN and en`;
        context.report(part, { pointer: metaPointer, message });
      }
    }
  }),
};

export const workflowFinalStateTransitionsRule: LintRule = {
  id: 'workflow-final-state-transitions',
  severity: 'error',
  explain:
    'A final state ends the application, so transitions from it would never run; remove them or drop "type": "final".',
  check: withWorkflow((context, { part, outline }) => {
    const finals = new Set(outline.states.filter((s) => s.final).map((s) => s.name));
    const reported = new Set<string>();
    for (const transition of outline.transitions) {
      if (!finals.has(transition.state) || reported.has(transition.keyPointer)) continue;
      reported.add(transition.keyPointer);
      const message = `final state "${transition.state}" has a transition, which never runs`;
      context.report(part, { pointer: transition.keyPointer, message });
    }
  }),
};

export const workflowFinalStateEditsRule: LintRule = {
  id: 'workflow-final-state-edits',
  severity: 'warning',
  explain:
    'meta.applicantEdits on a final state lets the applicant change data of a closed application; remove it unless that is really intended.',
  check: withWorkflow((context, { part, outline }) => {
    for (const state of outline.states) {
      const meta = state.value.meta;
      if (!state.final || !isObject(meta) || meta.applicantEdits !== true) continue;
      const pointer = joinPointer(state.pointer, 'meta', 'applicantEdits');
      const message = `final state "${state.name}" lets the applicant edit the data`;
      context.report(part, { pointer, message });
    }
  }),
};
