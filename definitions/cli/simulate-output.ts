import type { Label, WorkflowConfig } from '../matter-definition';
import { formatDuration } from '../workflow/duration';
import { stateInfo } from '../workflow/state-info';
import type { WorkflowEffect, WorkflowTimers } from '../workflow/workflow-effects';
import type { StepRefused } from '../workflow/workflow-step';

/** `草稿 / Draft`, or the one text when both languages say the same. */
export function labelText(label: Label | undefined): string {
  if (!label) return '';
  return label['zh-CN'] === label.en ? label.en : `${label['zh-CN']} / ${label.en}`;
}

/** `draft  草稿 / Draft`. */
export function stateText(workflow: WorkflowConfig, state: string): string {
  return `${state}  ${labelText(stateInfo(workflow, state)?.label)}`.trimEnd();
}

/** One line per action and timer of a step, indented under it. */
export function effectLines(actions: readonly WorkflowEffect[], timers: WorkflowTimers): string[] {
  return [
    ...actions.map(describeAction),
    ...timers.cancel.map((id) => `timer ${timerName(id)} cancelled`),
    ...timers.start.map((t) => `timer ${t.delay} started: fires in ${formatDuration(t.delayMs)}`),
  ].map((line) => `    ${line}`);
}

function describeAction(action: WorkflowEffect): string {
  const p = action.params;
  switch (action.type) {
    case 'notify':
      return `notify ${text(p.template)} → ${list(p.to)} by ${list(p.channels)}`;
    case 'issueDocument':
      return `issue document ${text(p.name)} (${labelText(p.title as Label | undefined)}) from template ${text(p.template)}`;
    case 'setDeadline':
      return `set deadline ${text(p.id)} ${text(p.duration)}${deadlineDetails(p)}`;
    case 'clearDeadline':
      return `clear deadline ${text(p.id)}`;
  }
}

function deadlineDetails(params: Record<string, unknown>): string {
  const onExpiry = params.onExpiry ? `, then ${text(params.onExpiry)}` : '';
  const onCorrection = params.onCorrection
    ? `, ${text(params.onCorrection)} during correction`
    : '';
  return onExpiry + onCorrection;
}

/** `P5D` out of `xstate.after.P5D.workflow.state`. */
function timerName(id: string): string {
  return id.split('.')[2] ?? id;
}

/** The refusal and, for an incomplete form, each issue with its pointer. */
export function refusalLines(event: string, sender: string, refusal: StepRefused): string[] {
  const lines = [`refused  ${event} by ${sender}: ${refusal.code}: ${refusal.message}`];
  for (const issue of refusal.details ?? []) {
    lines.push(`    ${issue.pointer || '/'}  ${issue.message.en} (${issue.message['zh-CN']})`);
  }
  return lines;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.map(text).join(', ') : text(value);
}
