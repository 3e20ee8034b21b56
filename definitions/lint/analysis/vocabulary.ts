import workflowSchema from '../../schemas/workflow.schema.json';
import { joinPointer } from '../../source/json-pointer';
import { isObject } from '../../source/loaded-definition';
import type { OutlineItem, WorkflowOutline } from './workflow-outline';

const definitions = workflowSchema.definitions;

/** Guard and action types the engine implements, as the meta-schema lists them. */
export const guardTypes: readonly string[] = definitions.guard.properties.type.enum;
export const actionTypes: readonly string[] = definitions.action.properties.type.enum;

/** Every guard of a workflow, nested ones (under and/or/not) included, in document order. */
export function allGuards(outline: WorkflowOutline): OutlineItem[] {
  return outline.guards.flatMap((guard) => withNested(guard, 0));
}

/** and/or/not nest guards; a definition this deep is hostile, so the walk stops there. */
const maxGuardDepth = 64;

function withNested(guard: OutlineItem, depth: number): OutlineItem[] {
  if (depth > maxGuardDepth || !isObject(guard.value) || !isObject(guard.value.params)) {
    return [guard];
  }
  const params = guard.value.params;
  const paramsPointer = joinPointer(guard.pointer, 'params');
  const nested: OutlineItem[] = [];
  if ((guard.value.type === 'and' || guard.value.type === 'or') && Array.isArray(params.guards)) {
    params.guards.forEach((value: unknown, index: number) => {
      nested.push({ pointer: joinPointer(paramsPointer, 'guards', index), value });
    });
  }
  if (guard.value.type === 'not' && params.guard !== undefined) {
    nested.push({ pointer: joinPointer(paramsPointer, 'guard'), value: params.guard });
  }
  return [guard, ...nested.flatMap((item) => withNested(item, depth + 1))];
}

/** The `type` of a guard or action when it is one of `known`. */
export function knownType(item: OutlineItem, known: readonly string[]): string | undefined {
  const type = isObject(item.value) ? item.value.type : undefined;
  return typeof type === 'string' && known.includes(type) ? type : undefined;
}
