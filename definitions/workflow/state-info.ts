import type { Label, WorkflowConfig, WorkstationCategory } from '../matter-definition';

/** How a state shows on the workstation and the desk. */
export interface StateInfo {
  name: string;
  category: WorkstationCategory | undefined;
  label: Label;
  applicantEdits: boolean;
  final: boolean;
}

/** The labels and category of a state; undefined for a name the workflow does not have. */
export function stateInfo(workflow: WorkflowConfig, stateName: string): StateInfo | undefined {
  if (!Object.hasOwn(workflow.states, stateName)) return undefined;
  const state = workflow.states[stateName];
  const meta = state?.meta ?? {};
  return {
    name: stateName,
    category: meta.category,
    label: meta.label ?? { 'zh-CN': stateName, en: stateName },
    applicantEdits: meta.applicantEdits === true,
    final: state?.type === 'final',
  };
}
