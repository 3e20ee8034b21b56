import { isObject } from '../../source/loaded-definition';
import type { LintRule, RuleContext } from '../lint-rule';

function matterField(context: RuleContext, name: string): string | undefined {
  const value = context.part('matter')?.value;
  const field = isObject(value) ? value[name] : undefined;
  return typeof field === 'string' ? field : undefined;
}

export const matterDuplicateIdRule: LintRule = {
  id: 'matter-duplicate-id',
  severity: 'error',
  explain:
    'Two definitions in one run share a matter id and version, so one would replace the other when published; give one a new id or bump its version.',
  checkAll(contexts) {
    const first = new Map<string, RuleContext>();
    for (const context of contexts) {
      const id = matterField(context, 'id');
      const matter = context.part('matter');
      if (id === undefined || !matter) continue;
      const key = `${id}@${matterField(context, 'version') ?? ''}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, context);
        continue;
      }
      const message = `matter ${key} is also defined in ${earlier.definition.origin}`;
      context.report(matter, { pointer: '/id', message });
    }
  },
};

export const matterIdMismatchRule: LintRule = {
  id: 'matter-id-mismatch',
  severity: 'warning',
  explain:
    'The workflow "id" names the machine in logs and diagrams; keep it equal to the matter id so both point at the same matter.',
  check(context) {
    const matterId = matterField(context, 'id');
    const workflow = context.part('workflow');
    const workflowId = isObject(workflow?.value) ? workflow.value.id : undefined;
    if (!workflow || matterId === undefined || typeof workflowId !== 'string') return;
    if (workflowId === matterId) return;
    const message = `workflow id "${workflowId}" differs from the matter id "${matterId}"`;
    context.report(workflow, { pointer: '/id', message });
  },
};
