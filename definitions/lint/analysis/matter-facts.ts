import { isObject } from '../../source/loaded-definition';
import type { RuleContext } from '../lint-rule';

/** Officer role ids declared in matter.json, whatever else is wrong with it. */
export function matterRoles(context: RuleContext): string[] {
  return idsOf(matterValue(context).roles);
}

/** Material ids declared in matter.json, with their index in `materials`. */
export function matterMaterials(context: RuleContext): { id: string; index: number }[] {
  const materials = matterValue(context).materials;
  if (!Array.isArray(materials)) return [];
  return materials.flatMap((material, index) =>
    isObject(material) && typeof material.id === 'string' ? [{ id: material.id, index }] : [],
  );
}

export function templateNames(context: RuleContext): Set<string> {
  return new Set(context.definition.templates.map((template) => template.name));
}

function matterValue(context: RuleContext): Record<string, unknown> {
  const value = context.part('matter')?.value;
  return isObject(value) ? value : {};
}

function idsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => (isObject(item) && typeof item.id === 'string' ? [item.id] : []));
}
