import type Ajv from 'ajv';
import { createFormAjv } from '../../form/form-ajv';
import { isObject } from '../../source/loaded-definition';
import { joinPointer } from '../../source/json-pointer';
import type { SchemaProblem } from './form-schema-refs';
import { subschemasOf } from './form-schema-tree';

/**
 * What strict ajv would refuse when compiling a form schema, found without compiling it.
 *
 * Compiling a 40-field form costs 5-10 ms, over the linter's whole budget per definition, and
 * every form differs, so caching does not help. These checks follow ajv's strict mode (unknown
 * keywords and formats, strictTypes, strictTuples) using the keyword and format tables of the
 * very Ajv the engine compiles with; the test suite holds them against a real compile.
 * `required` names are left to the form-required-unknown rule.
 */
export function strictModeProblems(root: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const tables = formAjvTables();
  if (isObject(root) && root.$schema !== undefined && !draft07Ids.has(String(root.$schema))) {
    const message = `"$schema" must be the draft-07 meta-schema, not ${JSON.stringify(root.$schema)}`;
    problems.push({ pointer: '/$schema', message });
  }
  checkNode(root, '', [], tables, problems);
  return problems;
}

/** Problems that the draft-07 meta-schema itself finds (wrong keyword values). */
export function metaSchemaProblems(root: unknown): SchemaProblem[] {
  const { ajv } = formAjvTables();
  if (typeof root !== 'boolean' && !isObject(root)) {
    return [{ pointer: '', message: 'a form schema must be a JSON object' }];
  }
  if (ajv.validateSchema(root as object)) return [];
  const byPointer = new Map<string, SchemaProblem>();
  for (const error of ajv.errors ?? []) {
    const existing = byPointer.get(error.instancePath);
    if (existing && error.keyword !== 'anyOf') continue;
    const keyword = error.instancePath.split('/').pop() ?? '';
    const message =
      error.keyword === 'anyOf'
        ? `invalid value for keyword "${keyword}"`
        : `keyword "${keyword}" ${error.message ?? 'is invalid'}`;
    byPointer.set(error.instancePath, { pointer: error.instancePath, message });
  }
  return [...byPointer.values()];
}

const draft07Ids = new Set([
  'http://json-schema.org/draft-07/schema#',
  'http://json-schema.org/draft-07/schema',
]);

interface AjvTables {
  ajv: Ajv;
  keywords: Set<string>;
  keywordTypes: Map<string, string[]>;
  allowUnionTypes: boolean;
}

let tables: AjvTables | undefined;

function formAjvTables(): AjvTables {
  if (tables) return tables;
  const ajv = createFormAjv();
  const keywordTypes = new Map<string, string[]>();
  for (const [keyword, rule] of Object.entries(ajv.RULES.all)) {
    const type = typeof rule === 'object' ? rule.definition.type : [];
    if (type && type.length > 0) keywordTypes.set(keyword, [...type]);
  }
  tables = {
    ajv,
    keywords: new Set(Object.keys(ajv.RULES.keywords)),
    keywordTypes,
    allowUnionTypes: ajv.opts.allowUnionTypes === true,
  };
  return tables;
}

function checkNode(
  node: unknown,
  pointer: string,
  contextTypes: string[],
  tables: AjvTables,
  problems: SchemaProblem[],
): void {
  if (!isObject(node)) return;
  const report = (at: string, message: string, atKey = false) =>
    problems.push({ pointer: joinPointer(pointer, at), message, atKey });
  checkKeywords(node, tables, report);
  const types = checkTypes(node, contextTypes, tables, report);
  checkTuple(node, report);
  for (const child of subschemasOf(node, pointer)) {
    const childTypes = child.kind === 'inPlace' ? types : [];
    checkNode(child.schema, child.pointer, childTypes, tables, problems);
  }
}

type Report = (at: string, message: string, atKey?: boolean) => void;

function checkKeywords(node: Record<string, unknown>, tables: AjvTables, report: Report): void {
  for (const keyword of Object.keys(node)) {
    if (keyword === 'id') report(keyword, 'keyword "id" is not supported: use "$id"', true);
    else if (!tables.keywords.has(keyword)) report(keyword, `unknown keyword "${keyword}"`, true);
  }
  const format = node.format;
  if (typeof format === 'string' && !Object.hasOwn(tables.ajv.formats, format)) {
    report('format', `unknown format "${format}"`);
  }
}

/** ajv's strictTypes: returns the data types known at this node for its in-place children. */
function checkTypes(
  node: Record<string, unknown>,
  contextTypes: string[],
  tables: AjvTables,
  report: Report,
): string[] {
  const declared = typeList(node.type);
  let known = contextTypes;
  if (declared.length > 0 && contextTypes.length === 0) known = declared;
  else if (declared.length > 0) {
    for (const type of declared) {
      if (includesType(contextTypes, type)) continue;
      report('type', `type "${type}" is not allowed where the data is "${contextTypes.join(',')}"`);
    }
    known = narrowTypes(contextTypes, declared);
  }
  const isUnion = declared.length > 1 && !(declared.length === 2 && declared.includes('null'));
  if (isUnion && !tables.allowUnionTypes) {
    report('type', 'a union of types is refused in strict mode (only [TYPE, "null"] is allowed)');
  }
  for (const keyword of Object.keys(node)) {
    const applies = tables.keywordTypes.get(keyword);
    if (!applies || applies.some((type) => hasApplicableType(known, type))) continue;
    report(
      keyword,
      `keyword "${keyword}" needs "type": "${applies.join('" or "')}" in strict mode`,
      true,
    );
  }
  return known;
}

function typeList(type: unknown): string[] {
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function includesType(types: string[], type: string): boolean {
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function hasApplicableType(types: string[], type: string): boolean {
  return types.includes(type) || (type === 'number' && types.includes('integer'));
}

function narrowTypes(contextTypes: string[], declared: string[]): string[] {
  return contextTypes.flatMap((type) => {
    if (includesType(declared, type)) return [type];
    return declared.includes('integer') && type === 'number' ? ['integer'] : [];
  });
}

/** ajv's strictTuples: a tuple `items` needs minItems and maxItems (or additionalItems: false). */
function checkTuple(node: Record<string, unknown>, report: Report): void {
  if (!Array.isArray(node.items)) return;
  const length = node.items.length;
  const full =
    node.minItems === length && (node.maxItems === length || node.additionalItems === false);
  if (full) return;
  const message = `"items" is a ${length}-tuple: strict mode wants "minItems": ${length} and "maxItems": ${length} or "additionalItems": false`;
  report('items', message, true);
}
