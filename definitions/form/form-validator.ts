import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { FormSchema, Material } from '../matter-definition';
import { contentHash } from './content-hash';
import { createFormAjv } from './form-ajv';
import { FormCompileError } from './form-compile-error';
import { type FormIssue, toFormIssues } from './form-issues';
import { expandMaterialFields } from './material-fields';
import { completenessKeywords, toPartialSchema } from './partial-schema';

export type { FormIssue } from './form-issues';
export { FormCompileError } from './form-compile-error';

export interface CompiledForm {
  /** The schema after material expansion: what the data is validated against. */
  schema: FormSchema;
  /** Every issue of complete data; [] when valid. */
  validate(data: unknown): FormIssue[];
  /** Issues of a draft: types and formats of what is present, nothing about what is missing. */
  validatePartial(data: unknown): FormIssue[];
  isValid(data: unknown): boolean;
}

/** Compiled forms are kept by content; the oldest used is dropped past this many. */
export const formCacheSize = 256;
const cache = new Map<string, CompiledForm>();
const completenessCodes = new Set([...completenessKeywords, 'dependencies']);
let sharedAjv: Ajv | undefined;

/**
 * Compiles a form schema, after expanding its material fields, into a validator for complete
 * data and one for drafts. The same content (schema and materials, whatever the key order)
 * returns the same object from a bounded cache.
 *
 * Each issue has `pointer`, the JSON pointer of the bad value in the data (for `required`
 * and property `dependencies` the missing property's own pointer, for `additionalProperties`
 * the extra property's); `code`, the failing keyword, or `format:NAME` for a format; the
 * `schemaPointer` of the keyword; Ajv's `params`; and the message in zh-CN and en. Domain
 * formats say what is wrong (length, check digit, …) and `required` names the field by its
 * title. Throws FormCompileError when strict Ajv refuses the schema.
 *
 * @example
 * const form = compileForm(definition.formSchema, definition.matter.materials);
 * const issues = form.validate(application.data);
 */
export function compileForm(schema: FormSchema, materials: readonly Material[]): CompiledForm {
  const key = cacheKey(schema, materials);
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const form = guarded(() => buildForm(schema, materials));
  cache.set(key, form);
  if (cache.size > formCacheSize) cache.delete(cache.keys().next().value ?? key);
  return form;
}

function cacheKey(schema: FormSchema, materials: readonly Material[]): string {
  return guarded(() => contentHash({ schema, materials }));
}

/** A cycle or a schema nested too deep for the stack is a bad schema, like any other. */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof FormCompileError ? error : new FormCompileError(reasonOf(error));
  }
}

function buildForm(schema: FormSchema, materials: readonly Material[]): CompiledForm {
  const expanded = expandMaterialFields(schema, materials);
  const complete = compileSchema(expanded);
  const validate = (data: unknown) => (complete(data) ? [] : issuesOf(complete, expanded, data));
  let partial: ((data: unknown) => FormIssue[]) | undefined;
  return {
    schema: expanded,
    validate,
    validatePartial: (data) => (partial ??= partialValidator(expanded, validate))(data),
    isValid: (data) => complete(data),
  };
}

/**
 * Compiled on first use, since most compiled forms (the CLI's, a definition being published)
 * never see a draft and an Ajv compile of a large form takes tens of milliseconds. Should the
 * relaxed schema not compile, drafts get the complete checks minus the completeness issues, so
 * that validatePartial never throws.
 */
function partialValidator(
  expanded: FormSchema,
  validate: (data: unknown) => FormIssue[],
): (data: unknown) => FormIssue[] {
  try {
    const partial = compileSchema(toPartialSchema(expanded));
    return (data) => (partial(data) ? [] : issuesOf(partial, expanded, data));
  } catch {
    return (data) => validate(data).filter((issue) => !completenessCodes.has(issue.code));
  }
}

function issuesOf(validate: ValidateFunction, schema: FormSchema, data: unknown): FormIssue[] {
  return toFormIssues(validate.errors ?? [], schema, data);
}

/**
 * Compiles on one shared Ajv and then forgets the schema, so that two forms with the same
 * `$id` never collide and the instance does not grow with every form compiled.
 */
function compileSchema(schema: FormSchema): ValidateFunction {
  const ajv = (sharedAjv ??= createFormAjv());
  try {
    return ajv.compile(schema);
  } finally {
    if (typeof schema === 'object') ajv.removeSchema(schema);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
