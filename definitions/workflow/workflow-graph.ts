import type { WorkflowConfig } from '../matter-definition';
import { stateInfo } from './state-info';
import { type WorkflowEdge, workflowEdges } from './workflow-edges';

/**
 * The workflow as a Mermaid `stateDiagram-v2`: each state with its zh-CN and en label, the
 * initial arrow, each transition labelled with its event, who may send it and its guard, and
 * final states leading out.
 */
export function toMermaid(workflow: WorkflowConfig): string {
  const lines = ['stateDiagram-v2'];
  for (const name of Object.keys(workflow.states)) {
    lines.push(`  state "${mermaidText(stateLabel(workflow, name))}" as ${name}`);
  }
  lines.push(`  [*] --> ${workflow.initial}`);
  for (const edge of workflowEdges(workflow)) {
    lines.push(`  ${edge.from} --> ${edge.to}: ${mermaidText(edgeLabel(edge))}`);
  }
  for (const name of finalStates(workflow)) lines.push(`  ${name} --> [*]`);
  return lines.join('\n') + '\n';
}

/** The workflow as a Graphviz DOT digraph with the same content as the Mermaid diagram. */
export function toDot(workflow: WorkflowConfig): string {
  const finals = new Set(finalStates(workflow));
  const lines = [
    `digraph ${dotText(workflow.id)} {`,
    '  rankdir=LR;',
    '  node [shape=box, style=rounded];',
    '  "__start" [shape=point, label=""];',
  ];
  for (const name of Object.keys(workflow.states)) {
    const shape = finals.has(name) ? ', peripheries=2' : '';
    lines.push(`  ${dotText(name)} [label=${dotText(stateLabel(workflow, name, '\n'))}${shape}];`);
  }
  lines.push(`  "__start" -> ${dotText(workflow.initial)};`);
  for (const edge of workflowEdges(workflow)) {
    lines.push(
      `  ${dotText(edge.from)} -> ${dotText(edge.to)} [label=${dotText(edgeLabel(edge))}];`,
    );
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** `SUBMIT (applicant)`, `APPROVE [formComplete] (reviewer / officer)`, `after P5D (system)`. */
export function edgeLabel(edge: WorkflowEdge): string {
  const guard = edge.guard ? ` [${edge.guard}]` : '';
  return `${edge.trigger}${guard} (${edge.senders})`;
}

function stateLabel(workflow: WorkflowConfig, name: string, separator = ' / '): string {
  const label = stateInfo(workflow, name)?.label;
  if (!label || label['zh-CN'] === label.en) return label?.en ?? name;
  return `${label['zh-CN']}${separator}${label.en}`;
}

function finalStates(workflow: WorkflowConfig): string[] {
  return Object.entries(workflow.states).flatMap(([name, state]) =>
    state.type === 'final' ? [name] : [],
  );
}

const mermaidEntities: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  ':': '#58;',
  ';': '#59;',
  '\\': '#92;',
};

/**
 * Text safe inside Mermaid labels: entity codes for the characters its parser reads as syntax
 * (quotes end a state description, colons and semicolons end a transition label).
 */
function mermaidText(text: string): string {
  return text.replace(/[#":;\\]/g, (c) => mermaidEntities[c] ?? c).replace(/[\r\n]+/g, ' ');
}

function dotText(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
