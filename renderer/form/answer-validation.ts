import type { ErrorObject } from 'ajv';
import { type FormatProblem, domainFormatChecks } from './domain-formats';
import { type FieldError, distinct } from './form-errors';
import type { SchemaNode } from './form-steps';
import { pointerOf, pointerSegments } from './field-pointer';

/** What the check needs of rjsf's validator: Ajv's own errors for a schema and data. */
export interface RawValidator {
  rawValidation<Result = unknown>(
    schema: SchemaNode,
    formData?: unknown,
  ): { errors?: Result[]; validationError?: Error };
}

/** The sentences of the messages the form page words itself, in the page's language. */
export interface ValidationWords {
  required(field: string): string;
  accept(field: string): string;
  choose(field: string): string;
  format(format: string, problem: FormatProblem): string | undefined;
}

/**
 * The problems of `data` against `schema` (a step's or the whole form's), each at the pointer
 * of the value, as the server would name it: a missing property at its own pointer. A missing
 * answer says which field by its title, a domain format says what is wrong with the number,
 * anything else keeps Ajv's message (translated by the validator's localizer).
 */
export function validateAnswers(
  validator: RawValidator,
  schema: SchemaNode,
  data: unknown,
  words: ValidationWords,
): FieldError[] {
  const { errors = [] } = validator.rawValidation<ErrorObject>(schema, data ?? {});
  const choices = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const shown = errors.filter((error) => {
    if (error.keyword === 'if') return false;
    // The options of a choice each fail on their own; the choice itself says it once.
    return !(choices.has(error.instancePath) && /\/oneOf\/\d+\//.test(error.schemaPath));
  });
  return distinct(shown.map((error) => toFieldError(error, schema, data, words)));
}

function toFieldError(
  error: ErrorObject,
  schema: SchemaNode,
  data: unknown,
  words: ValidationWords,
): FieldError {
  const pointer = errorPointer(error);
  const title = () => titleAt(schema, pointer);
  switch (error.keyword) {
    case 'required':
    case 'dependencies': {
      const mustAccept = fieldSchemasAt(schema, pointer).some((node) => node.const === true);
      return { pointer, message: (mustAccept ? words.accept : words.required)(title()) };
    }
    case 'const':
      if (error.params.allowedValue === true) return { pointer, message: words.accept(title()) };
      break;
    case 'oneOf':
      return { pointer, message: words.choose(title()) };
    case 'format': {
      const message = formatMessage(String(error.params.format), valueAt(data, pointer), words);
      if (message) return { pointer, message };
      break;
    }
  }
  return { pointer, message: error.message ?? error.keyword };
}

/** The pointer of the value an error is about; a missing property's own pointer. */
export function errorPointer(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const child = params.missingProperty ?? params.additionalProperty;
  if (typeof child !== 'string') return error.instancePath;
  return `${error.instancePath}${pointerOf([child])}`;
}

function formatMessage(format: string, value: unknown, words: ValidationWords) {
  const check = domainFormatChecks[format];
  const problem = check && typeof value === 'string' ? check(value) : undefined;
  return problem ? words.format(format, problem) : undefined;
}

/**
 * The title of the field at `pointer` as the schema declares it, looking also in the branches
 * of conditions (`then.properties.years`) and in array items; its name when it has no title.
 */
export function titleAt(schema: SchemaNode, pointer: string): string {
  const titled = fieldSchemasAt(schema, pointer).find((node) => typeof node.title === 'string');
  return titled ? String(titled.title) : (pointerSegments(pointer).pop() ?? '');
}

/** Every schema that describes the value at `pointer`, the declared ones first. */
function fieldSchemasAt(schema: SchemaNode, pointer: string): SchemaNode[] {
  let nodes: SchemaNode[] = [schema];
  for (const segment of pointerSegments(pointer)) {
    nodes = nodes.flatMap((node) => childSchemas(node, segment));
  }
  return nodes;
}

/** Branches a conditional object adds to its own properties. */
const branchKeywords = ['then', 'else', 'allOf', 'anyOf', 'oneOf'];

function childSchemas(node: SchemaNode, segment: string): SchemaNode[] {
  const found: SchemaNode[] = [];
  const visit = (candidate: unknown) => {
    if (!isNode(candidate)) return;
    const property = isNode(candidate.properties) ? candidate.properties[segment] : undefined;
    if (isNode(property)) found.push(property);
    if (/^\d+$/.test(segment) && isNode(candidate.items)) found.push(candidate.items);
    for (const keyword of branchKeywords) {
      const branch = candidate[keyword];
      if (Array.isArray(branch)) branch.forEach(visit);
      else visit(branch);
    }
  };
  visit(node);
  // A title next to the `if` (the declared property) comes before the branch's repetition.
  return found.sort(
    (a, b) => Number(typeof b.title === 'string') - Number(typeof a.title === 'string'),
  );
}

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const segment of pointerSegments(pointer)) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function isNode(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Where a field is, for people: the titles from the top of the form down to it, an array item
 * by its title and number (`股东 2 · 证照号码`), as the check page labels answers.
 */
export function fieldLabel(schema: SchemaNode, pointer: string): string {
  const segments = pointerSegments(pointer);
  const parts: string[] = [];
  segments.forEach((segment, index) => {
    const title = titleAt(schema, pointerOf(segments.slice(0, index + 1)));
    if (/^\d+$/.test(segment) && parts.length > 0) {
      const itemTitle = title === segment ? parts[parts.length - 1] : title;
      parts[parts.length - 1] = `${itemTitle} ${Number(segment) + 1}`;
    } else {
      parts.push(title);
    }
  });
  return parts.join(' · ');
}
