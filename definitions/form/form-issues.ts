import type { ErrorObject } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh';
import type { FormSchema, Label } from '../matter-definition';
import { isObject } from '../source/loaded-definition';
import { joinPointer, valueAt } from '../source/json-pointer';
import { findDomainFormat } from './domain-formats';

/** One problem of form data; see `compileForm` for how the fields are chosen. */
export interface FormIssue {
  pointer: string;
  code: string;
  schemaPointer: string;
  params: Record<string, unknown>;
  message: Label;
}

/** Keywords whose error points at a property that is missing from the object. */
const missingPropertyKeywords = new Set(['required', 'dependencies']);

/**
 * Turns Ajv errors into form issues, in both languages. Runs only when validation failed, so
 * valid data never pays for localizing. (Messages are built at once: a lazy getter per issue
 * costs V8 more than building the two strings.)
 */
export function toFormIssues(
  errors: readonly ErrorObject[],
  schema: FormSchema,
  data: unknown,
): FormIssue[] {
  // `if` fails only together with its `then` or `else` branch, whose errors say more.
  const reported = errors.filter((error) => error.keyword !== 'if');
  const zh = chineseMessages(reported);
  return reported.map((error, i) => toFormIssue(error, zh[i] ?? error.keyword, schema, data));
}

function toFormIssue(error: ErrorObject, zh: string, schema: FormSchema, data: unknown): FormIssue {
  const schemaPointer = toSchemaPointer(error.schemaPath);
  return {
    pointer: dataPointer(error),
    code: issueCode(error),
    schemaPointer,
    params: { ...error.params },
    message: domainMessage(error, schema, schemaPointer, data) ?? {
      'zh-CN': zh,
      en: error.message ?? error.keyword,
    },
  };
}

/** ajv-i18n rewrites `message` in place, so it gets copies. */
function chineseMessages(errors: readonly ErrorObject[]): string[] {
  const copies = errors.map((error) => ({ ...error }));
  localizeZh(copies);
  return copies.map((copy) => copy.message ?? copy.keyword);
}

function issueCode(error: ErrorObject): string {
  return error.keyword === 'format' ? `format:${String(error.params.format)}` : error.keyword;
}

function dataPointer(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (missingPropertyKeywords.has(error.keyword) && typeof params.missingProperty === 'string') {
    return joinPointer(error.instancePath, params.missingProperty);
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return joinPointer(error.instancePath, params.additionalProperty);
  }
  return error.instancePath;
}

/** Ajv percent-encodes each segment of `schemaPath` on top of JSON-pointer escaping. */
function toSchemaPointer(schemaPath: string): string {
  const path = schemaPath.startsWith('#') ? schemaPath.slice(1) : schemaPath;
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function domainMessage(
  error: ErrorObject,
  schema: FormSchema,
  schemaPointer: string,
  data: unknown,
): Label | undefined {
  if (error.keyword === 'format') return formatMessage(error, lookup(data, error.instancePath));
  if (!missingPropertyKeywords.has(error.keyword)) return undefined;
  const name = String(error.params.missingProperty);
  const title = fieldTitle(schema, parentPointer(schemaPointer), name) ?? name;
  return { 'zh-CN': `请填写“${title}”`, en: `"${title}" is required` };
}

function formatMessage(error: ErrorObject, value: unknown): Label | undefined {
  const format = findDomainFormat(error.params.format);
  if (!format || typeof value !== 'string') return undefined;
  const problem = format.check(value);
  return problem && format.messages[problem];
}

/** Subschemas that apply to the same data as the schema holding them. */
const inPlaceStep = /\/(?:then|else|(?:allOf|anyOf|oneOf)\/\d+|dependencies\/[^/]+)$/;

/**
 * The title of property `name` as the schema at `holder` declares it, or else as the schemas
 * around it that apply to the same object declare it: `then: {required: ["years"]}` finds the
 * title of `years` next to the `if`.
 */
function fieldTitle(schema: FormSchema, holder: string, name: string): string | undefined {
  for (let pointer: string | undefined = holder; pointer !== undefined;) {
    const holder = lookup(schema, pointer);
    const properties = isObject(holder) ? holder.properties : undefined;
    const field = isObject(properties) ? properties[name] : undefined;
    if (isObject(field) && typeof field.title === 'string') return field.title;
    const step = inPlaceStep.exec(pointer);
    pointer = step ? pointer.slice(0, step.index) : undefined;
  }
  return undefined;
}

/** The schema holding the keyword: `/properties/a/required` -> `/properties/a`. */
function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

/** valueAt, without its unescaping when the pointer has nothing escaped (the usual case). */
function lookup(root: unknown, pointer: string): unknown {
  if (pointer.includes('~')) return valueAt(root, pointer);
  let current = root;
  let start = 1;
  while (start <= pointer.length) {
    if (current === null || typeof current !== 'object') return undefined;
    const end = pointer.indexOf('/', start);
    const segment = pointer.slice(start, end < 0 ? pointer.length : end);
    current = (current as Record<string, unknown>)[segment];
    start = end < 0 ? pointer.length + 1 : end + 1;
  }
  return current;
}
