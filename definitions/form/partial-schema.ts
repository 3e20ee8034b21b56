import type { FormSchema } from '../matter-definition';
import { isObject } from '../source/loaded-definition';
import { schemaChildren, withChild } from './schema-children';

/**
 * Keywords that ask for completeness rather than correctness. A draft leaves them out: it may
 * lack fields and files, and may hold an empty string while the applicant types.
 */
export const completenessKeywords = [
  'required',
  'minItems',
  'minProperties',
  'minLength',
  'contains',
];
/** Subschemas besides the field-bearing ones whose completeness keywords must go too. */
const extraChildren = ['additionalProperties', 'additionalItems'];

/**
 * The schema a draft is checked against: types, formats, patterns, enums and maxima of what
 * is present, nothing about what is missing. Completeness keywords are removed everywhere,
 * property dependencies too, and `oneOf` becomes `anyOf` (with `required` gone, several
 * branches may match an incomplete draft). `if` and `not` are kept whole: relaxing them would
 * change which data they match.
 */
export function toPartialSchema(schema: FormSchema): FormSchema {
  return isObject(schema) ? relax(schema, new Set()) : schema;
}

function relax(node: Record<string, unknown>, ancestors: Set<object>): Record<string, unknown> {
  if (ancestors.has(node)) return node;
  ancestors.add(node);
  let result = node;
  for (const child of childrenToRelax(node)) {
    const relaxed = relax(child.schema, ancestors);
    if (relaxed !== child.schema) result = withChild(result, child.path, relaxed);
  }
  ancestors.delete(node);
  return withoutCompleteness(result);
}

function childrenToRelax(node: Record<string, unknown>) {
  const children = schemaChildren(node).filter((child) => child.path[0] !== 'if');
  for (const keyword of extraChildren) {
    const value = node[keyword];
    if (isObject(value)) children.push({ path: [keyword], schema: value });
  }
  const patterns = node.patternProperties;
  if (isObject(patterns)) {
    for (const [pattern, value] of Object.entries(patterns)) {
      if (isObject(value)) children.push({ path: ['patternProperties', pattern], schema: value });
    }
  }
  return children;
}

function withoutCompleteness(node: Record<string, unknown>): Record<string, unknown> {
  if (!needsRelaxing(node)) return node;
  const copy = { ...node };
  for (const keyword of completenessKeywords) delete copy[keyword];
  if (isObject(copy.dependencies)) copy.dependencies = schemaDependencies(copy.dependencies);
  if ('oneOf' in copy) replaceOneOf(copy);
  return copy;
}

function needsRelaxing(node: Record<string, unknown>): boolean {
  return completenessKeywords.some((k) => k in node) || 'dependencies' in node || 'oneOf' in node;
}

/** Keeps schema dependencies and drops property ones (`{"a": ["b"]}` asks for b). */
function schemaDependencies(dependencies: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(dependencies).filter(([, v]) => !Array.isArray(v)));
}

function replaceOneOf(node: Record<string, unknown>): void {
  const oneOf = node.oneOf;
  delete node.oneOf;
  if (!('anyOf' in node)) {
    node.anyOf = oneOf;
    return;
  }
  const allOf = Array.isArray(node.allOf) ? node.allOf : [];
  node.allOf = [...allOf, { anyOf: oneOf }];
}
