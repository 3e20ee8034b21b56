import { type LoadedPart, isObject } from '../../source/loaded-definition';
import type { RuleContext } from '../lint-rule';
import { type WorkflowOutline, outlineWorkflow } from './workflow-outline';

/** What a workflow rule looks at: the part (to report on), its value and its outline. */
export interface WorkflowInView {
  part: LoadedPart;
  workflow: Record<string, unknown>;
  outline: WorkflowOutline;
}

/** Runs `check` when the definition has a workflow object. */
export function withWorkflow(
  check: (context: RuleContext, view: WorkflowInView) => void,
): (context: RuleContext) => void {
  return (context) => {
    const part = context.part('workflow');
    if (!part || !isObject(part.value)) return;
    check(context, { part, workflow: part.value, outline: outlineWorkflow(part.value) });
  };
}
