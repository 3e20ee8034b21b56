import type { CompiledDefinition } from '../../definitions/compiled-definition';
import {
  type Label,
  type Material,
  type WorkflowConfig,
  asList,
} from '../../definitions/matter-definition';
import { stateInfo } from '../../definitions/workflow/state-info';
import { defaultMaxSize } from '../../engine/attachments/attachments';
import { historyOnlyLabels } from './history-labels';

export interface EventSummary {
  type: string;
  label: Label;
  /** Who may send it anywhere in the workflow: applicant, officer roles, system. */
  by: string[];
}

/**
 * A published matter as the form page needs it: the compiled form's schema (material fields
 * expanded into file lists), the uiSchema, materials with their effective limits, every status
 * with its workstation category and label, and the events the workflow knows.
 */
export function presentMatter(compiled: CompiledDefinition) {
  const { matter, formUi, workflow } = compiled.definition;
  return {
    id: matter.id,
    version: matter.version,
    title: matter.title,
    description: matter.description ?? null,
    category: matter.category,
    applicantTypes: matter.applicantTypes,
    authLevel: matter.authLevel,
    processingDays: matter.processingDays ?? null,
    roles: matter.roles ?? [],
    materials: matter.materials.map(presentMaterial),
    schema: compiled.form.schema,
    uiSchema: formUi,
    initialStatus: workflow.initial,
    statuses: presentStatuses(workflow),
    events: presentEvents(workflow),
  };
}

export function presentMaterial(material: Material) {
  return {
    id: material.id,
    title: material.title,
    description: material.description ?? null,
    required: material.required,
    accept: material.accept ?? null,
    maxSize: material.maxSize ?? defaultMaxSize,
    maxFiles: material.maxFiles ?? 1,
  };
}

function presentStatuses(workflow: WorkflowConfig) {
  return Object.fromEntries(
    Object.keys(workflow.states).map((name) => {
      const info = stateInfo(workflow, name);
      return [
        name,
        {
          category: info?.category ?? null,
          label: info?.label,
          final: info?.final ?? false,
          applicantEdits: info?.applicantEdits ?? false,
        },
      ];
    }),
  );
}

/** Every event named in a state's `on`, once, with the first label given and all senders. */
function presentEvents(workflow: WorkflowConfig): EventSummary[] {
  const events = new Map<string, EventSummary>();
  const labelled = new Set<string>();
  for (const state of Object.values(workflow.states)) {
    for (const [type, transitions] of Object.entries(state.on ?? {})) {
      const summary = events.get(type) ?? { type, label: { 'zh-CN': type, en: type }, by: [] };
      for (const transition of asList(transitions)) {
        const meta = transition.meta ?? {};
        if (meta.label && !labelled.has(type)) {
          summary.label = meta.label;
          labelled.add(type);
        }
        for (const sender of meta.by ?? []) {
          if (!summary.by.includes(sender)) summary.by.push(sender);
        }
      }
      events.set(type, summary);
    }
  }
  return [...events.values()];
}

/** The label of a status, its name when the workflow gives none. */
export function statusLabel(compiled: CompiledDefinition, status: string): Label {
  return stateInfo(compiled.definition.workflow, status)?.label ?? { 'zh-CN': status, en: status };
}

/** Labels of events by type, for the history: the workflow's, its delays' and the engine's. */
export function eventLabels(compiled: CompiledDefinition): Map<string, Label> {
  const events = presentEvents(compiled.definition.workflow);
  const labels = historyOnlyLabels(compiled);
  for (const event of events) labels.set(event.type, event.label);
  return labels;
}
