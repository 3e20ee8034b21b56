import Ajv, { type ValidateFunction } from 'ajv';
import matterSchema from '../../schemas/matter.schema.json';
import workflowSchema from '../../schemas/workflow.schema.json';

/**
 * Validators of the Matterflow meta-schemas, compiled once per process on first use: compiling
 * costs milliseconds, validating microseconds, and lint runs over many definitions.
 */
export interface MetaSchemaValidators {
  matter: ValidateFunction;
  workflow: ValidateFunction;
  /** Params schemas of the guard and action vocabulary, by type; nested guards left open. */
  guardParams: Map<string, ValidateFunction>;
  actionParams: Map<string, ValidateFunction>;
}

let validators: MetaSchemaValidators | undefined;

export function metaSchemaValidators(): MetaSchemaValidators {
  validators ??= compileValidators();
  return validators;
}

function compileValidators(): MetaSchemaValidators {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const definitions = (workflowSchema as { definitions: Record<string, unknown> }).definitions;
  return {
    matter: ajv.compile(matterSchema),
    workflow: ajv.compile(withTypedBranches(workflowSchema)),
    guardParams: compileParams(ajv, definitions.guard, definitions),
    actionParams: compileParams(ajv, definitions.action, definitions),
  };
}

/**
 * The workflow schema with its "one or a list" anyOf choices turned into if/then/else on the
 * instance's type, so a bad transition reports its own errors instead of every branch's.
 */
function withTypedBranches(schema: unknown): object {
  const copy = structuredClone(schema) as { $id?: string; definitions: Record<string, unknown> };
  copy.$id = 'matterflow:workflow.lint.schema.json';
  for (const name of ['transitions', 'actions']) {
    const branches = (copy.definitions[name] as { anyOf: unknown[] }).anyOf;
    copy.definitions[name] = { if: { type: 'array' }, then: branches[1], else: branches[0] };
  }
  return copy;
}

/** Compiles the `then.properties.params` schema of each `if type` branch of a vocabulary entry. */
function compileParams(
  ajv: Ajv,
  vocabulary: unknown,
  definitions: Record<string, unknown>,
): Map<string, ValidateFunction> {
  const compiled = new Map<string, ValidateFunction>();
  const branches = (vocabulary as { allOf?: unknown[] }).allOf ?? [];
  for (const branch of branches as Record<string, Record<string, unknown>>[]) {
    const types = branchTypes(branch.if);
    const params = (branch.then?.properties as Record<string, unknown> | undefined)?.params;
    if (params === undefined) continue;
    const validate = ajv.compile(inlineRefs(params, definitions) as object);
    for (const type of types) compiled.set(type, validate);
  }
  return compiled;
}

function branchTypes(condition: unknown): string[] {
  const type = (condition as { properties?: { type?: { const?: string; enum?: string[] } } })
    ?.properties?.type;
  if (type?.const !== undefined) return [type.const];
  return type?.enum ?? [];
}

/**
 * Inlines `#/definitions/NAME` references so a params schema compiles on its own. Nested guards
 * are checked one by one by the vocabulary rules, so in params any object will do for them.
 */
function inlineRefs(schema: unknown, definitions: Record<string, unknown>): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(item, definitions));
  if (schema === null || typeof schema !== 'object') return schema;
  const record = schema as Record<string, unknown>;
  if (typeof record.$ref === 'string') {
    const name = record.$ref.replace('#/definitions/', '');
    return name === 'guard' ? { type: 'object' } : inlineRefs(definitions[name], definitions);
  }
  const entries = Object.entries(record).map(([k, v]) => [k, inlineRefs(v, definitions)]);
  return Object.fromEntries(entries);
}
