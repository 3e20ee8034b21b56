import type { CompiledDefinition } from '../../definitions/compiled-definition';
import { type Label, asList } from '../../definitions/matter-definition';

/** The engine's own event: the audit trail's first row of every application. */
const engineEvents: Record<string, Label> = {
  START: { 'zh-CN': '创建申请', en: 'Application started' },
};

/**
 * Labels of the events a history holds that no `on` transition names: the engine's START, and
 * each `after` delay, which the audit trail records under XState's own event type for it. A
 * delay without a label of its own is named by its duration.
 */
export function historyOnlyLabels(compiled: CompiledDefinition): Map<string, Label> {
  const labels = new Map(Object.entries(engineEvents));
  const { states } = compiled.definition.workflow;
  for (const node of Object.values(compiled.machine.root.states)) {
    for (const transition of node.after) {
      const delay = String(transition.delay);
      const configured = asList(states[node.key]?.after?.[delay]);
      const label = configured.find((candidate) => candidate.meta?.label)?.meta?.label;
      labels.set(transition.eventType, label ?? delayLabel(delay));
    }
  }
  return labels;
}

function delayLabel(delay: string): Label {
  return { 'zh-CN': `时限届满（${delay}）`, en: `Time limit reached (${delay})` };
}
