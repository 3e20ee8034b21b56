import type Ajv from 'ajv';
import { createFormAjv } from '../../form/form-ajv';
import { isObject } from '../../source/loaded-definition';
import { circularRefs, collectRefs, unresolvedRefs } from './form-schema-refs';

let ajv: Ajv | undefined;
const verdicts = new Map<string, string | undefined>();
/** Guard schemas repeat across definitions; the cache is bounded so a long run cannot grow it. */
const maxVerdicts = 500;

/**
 * Why a dataSatisfies schema would not compile with the engine's Ajv, or undefined when it
 * compiles. Guard schemas are small, so they are really compiled (and the result cached by
 * content); looping or dangling refs are caught first, since ajv would overflow on them.
 */
export function checkGuardSchema(schema: unknown): string | undefined {
  if (!isObject(schema) && typeof schema !== 'boolean') return 'the schema must be an object';
  const key = JSON.stringify(schema);
  if (verdicts.has(key)) return verdicts.get(key);
  const verdict = compileProblem(schema);
  if (verdicts.size >= maxVerdicts) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

function compileProblem(schema: object | boolean): string | undefined {
  const refs = collectRefs(schema);
  const refProblem = [...unresolvedRefs(refs), ...circularRefs(schema, refs)][0];
  if (refProblem) return `${refProblem.message} at ${refProblem.pointer}`;
  ajv ??= createFormAjv();
  try {
    ajv.compile(schema);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    if (typeof schema === 'object') ajv.removeSchema(schema);
  }
}
