import type { FileRef } from '../application/application-api';
import { type FormStep, type SchemaNode, orderedFields } from './form-steps';
import { pointerOf } from './field-pointer';

/** One answer as the check page and the application detail list it. */
export interface AnswerRow {
  pointer: string;
  /** The titles from the step down to the field, e.g. `['住所', '邮政编码']`. */
  label: string[];
  /** The answer as text: option titles, yes or no, the names of files. */
  value: string;
  /** The uploaded files, when the field is a material. */
  files?: FileRef[];
}

export interface AnswerGroup {
  stepIndex: number;
  title: unknown;
  rows: AnswerRow[];
}

/** The words the rows use, in the page's language. */
export interface AnswerWords {
  yes: string;
  no: string;
  empty: string;
  separator: string;
}

/**
 * The schema of a node for its value: conditions (`if`/`then`/`else`, dependencies) resolved,
 * so that only the fields the form shows are listed. The page passes rjsf's retrieveSchema.
 */
export type SchemaResolver = (node: SchemaNode, value: unknown) => SchemaNode;

/**
 * Every answer of the form by step, in the order the form asks them, including the questions
 * left empty (so the person sees what is missing) but not the fields a condition hides.
 */
export function answerGroups(
  resolve: SchemaResolver,
  schema: SchemaNode,
  uiSchema: SchemaNode,
  steps: readonly FormStep[],
  data: Record<string, unknown>,
  words: AnswerWords,
): AnswerGroup[] {
  const root = resolve(schema, data);
  const properties = propertiesOf(root);
  return steps.map((step, stepIndex) => {
    const rows = step.fields.flatMap((name) => {
      const field = properties[name];
      if (!field) return [];
      const context = { resolve, words, ui: uiOf(uiSchema, name) };
      return rowsOf(field, data[name], [name], [titleOf(field, name)], context);
    });
    return { stepIndex, title: step.title, rows };
  });
}

interface WalkContext {
  resolve: SchemaResolver;
  words: AnswerWords;
  ui: SchemaNode;
}

function rowsOf(
  node: SchemaNode,
  value: unknown,
  path: (string | number)[],
  label: string[],
  context: WalkContext,
): AnswerRow[] {
  const schema = context.resolve(node, value);
  const pointer = pointerOf(path);
  if (typeof schema.material === 'string' || isFileList(value)) {
    const files = Array.isArray(value) ? (value as FileRef[]) : [];
    const names = files.map((file) => file.name).join(context.words.separator);
    return [{ pointer, label, value: names || context.words.empty, files }];
  }
  if (isObjectSchema(schema)) return objectRows(schema, value, path, label, context);
  const items = schema.items;
  if (isNode(items) && isObjectSchema(context.resolve(items, undefined))) {
    return arrayRows(schema, items, value, path, label, context);
  }
  return [{ pointer, label, value: display(schema, value, context.words) }];
}

function objectRows(
  schema: SchemaNode,
  value: unknown,
  path: (string | number)[],
  label: string[],
  context: WalkContext,
): AnswerRow[] {
  const record = isNode(value) ? value : {};
  const properties = propertiesOf(schema);
  return orderedFields(Object.keys(properties), context.ui['ui:order']).flatMap((name) => {
    const child = properties[name] as SchemaNode;
    const childContext = { ...context, ui: uiOf(context.ui, name) };
    const childLabel = [...label, titleOf(child, name)];
    return rowsOf(child, record[name], [...path, name], childLabel, childContext);
  });
}

function arrayRows(
  schema: SchemaNode,
  items: SchemaNode,
  value: unknown,
  path: (string | number)[],
  label: string[],
  context: WalkContext,
): AnswerRow[] {
  const list = Array.isArray(value) ? value : [];
  if (list.length === 0) return [{ pointer: pointerOf(path), label, value: context.words.empty }];
  const itemTitle = typeof items.title === 'string' ? items.title : (label[label.length - 1] ?? '');
  const itemContext = { ...context, ui: uiOf(context.ui, 'items') };
  return list.flatMap((item, index) => {
    const itemLabel = [...label.slice(0, -1), `${itemTitle} ${index + 1}`];
    return rowsOf(items, item, [...path, index], itemLabel, itemContext);
  });
}

/** An answer as text: an option's title, yes or no, a list joined. */
function display(schema: SchemaNode, value: unknown, words: AnswerWords): string {
  if (value === undefined || value === null || value === '') return words.empty;
  if (Array.isArray(value)) {
    if (value.length === 0) return words.empty;
    const items = isNode(schema.items) ? schema.items : {};
    return value.map((item) => display(items, item, words)).join(words.separator);
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  const option = optionsOf(schema).find((candidate) => candidate.const === value);
  return option && typeof option.title === 'string' ? option.title : String(value);
}

function optionsOf(schema: SchemaNode): SchemaNode[] {
  const options = schema.oneOf ?? schema.anyOf;
  return Array.isArray(options) ? options.filter(isNode) : [];
}

function isFileList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => isNode(item) && typeof item.sha256 === 'string')
  );
}

function isObjectSchema(schema: SchemaNode): boolean {
  return isNode(schema.properties);
}

function propertiesOf(schema: SchemaNode): Record<string, SchemaNode> {
  const properties = schema.properties;
  if (!isNode(properties)) return {};
  return Object.fromEntries(
    Object.entries(properties).filter(([, child]) => isNode(child)),
  ) as Record<string, SchemaNode>;
}

function titleOf(schema: SchemaNode, name: string): string {
  return typeof schema.title === 'string' ? schema.title : name;
}

function uiOf(ui: SchemaNode, name: string): SchemaNode {
  const child = ui[name];
  return isNode(child) ? child : {};
}

function isNode(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
