import { isObject } from '../../source/loaded-definition';
import { joinPointer } from '../../source/json-pointer';
import { type SchemaProblem, circularRefs, collectRefs, unresolvedRefs } from './form-schema-refs';
import { metaSchemaProblems, strictModeProblems } from './form-schema-strict';
import { subschemasOf } from './form-schema-tree';

/** Everything the form-schema rules report, computed once per schema object. */
export interface FormSchemaAnalysis {
  invalid: SchemaProblem[];
  unresolvedRefs: SchemaProblem[];
  circularRefs: SchemaProblem[];
  requiredUnknown: SchemaProblem[];
}

const analyses = new WeakMap<object, FormSchemaAnalysis>();

export function analyzeFormSchema(schema: unknown): FormSchemaAnalysis {
  const cached = isObject(schema) ? analyses.get(schema) : undefined;
  if (cached) return cached;
  const refs = collectRefs(schema);
  const meta = metaSchemaProblems(schema);
  const analysis: FormSchemaAnalysis = {
    // Strict checks read keyword values; on a schema the meta-schema refuses they would guess.
    invalid: meta.length > 0 ? meta : strictModeProblems(schema),
    unresolvedRefs: unresolvedRefs(refs),
    circularRefs: circularRefs(schema, refs),
    requiredUnknown: requiredUnknown(schema),
  };
  if (isObject(schema)) analyses.set(schema, analysis);
  return analysis;
}

/**
 * `required` names missing from `properties` of the same schema and of the schemas it sits in
 * place in (so `then: {required: ["x"]}` may name a property declared next to `if`). A schema
 * with no properties anywhere in that chain describes a free-form object and is not judged.
 */
function requiredUnknown(root: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const visit = (node: unknown, pointer: string, inherited: ReadonlySet<string>) => {
    if (!isObject(node)) return;
    const declared = new Set([...inherited, ...propertyNames(node)]);
    const patterns = patternsOf(node);
    if (Array.isArray(node.required) && declared.size > 0) {
      node.required.forEach((name, index) => {
        if (typeof name !== 'string' || declared.has(name) || matchesAny(patterns, name)) return;
        const message = `required names "${name}", which "properties" does not declare`;
        problems.push({ pointer: joinPointer(pointer, 'required', index), message });
      });
    }
    for (const child of subschemasOf(node, pointer)) {
      visit(child.schema, child.pointer, child.kind === 'inPlace' ? declared : new Set());
    }
  };
  visit(root, '', new Set());
  return problems;
}

function propertyNames(node: Record<string, unknown>): string[] {
  return isObject(node.properties) ? Object.keys(node.properties) : [];
}

function patternsOf(node: Record<string, unknown>): RegExp[] {
  if (!isObject(node.patternProperties)) return [];
  return Object.keys(node.patternProperties).flatMap((pattern) => {
    try {
      return [new RegExp(pattern, 'u')];
    } catch {
      return [];
    }
  });
}

function matchesAny(patterns: RegExp[], name: string): boolean {
  return patterns.some((pattern) => pattern.test(name));
}
