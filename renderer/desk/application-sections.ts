import type { DefinitionText } from './desk-application';

type SchemaNode = Record<string, unknown>;

/** A group of the application's data as the form asked for it: one step of `ui:steps`. */
export interface DataSection {
  /** The step's title; null for the fields of a form without steps, or outside every step. */
  title: DefinitionText | null;
  fields: DataField[];
}

export interface DataField {
  name: string;
  /** The field's JSON pointer, as a correction request names it. */
  pointer: string;
  title: string;
  value: DisplayValue;
}

/** A value ready to show read-only: texts resolved, files recognised, groups titled. */
export type DisplayValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'files'; files: FileReference[] }
  | { kind: 'list'; items: DisplayValue[] }
  | { kind: 'group'; fields: { title: string; value: DisplayValue }[] };

/** An uploaded file as the form data references it. */
export interface FileReference {
  id: string;
  name: string;
  size: number;
}

/**
 * The form's top-level fields grouped by the uiSchema's steps (`ui:steps: [{title, fields}]`),
 * in step order; fields in no step follow in a section without a title. Without steps there is
 * one untitled section in `ui:order` order. Data the schema does not describe is shown last
 * under its own name rather than hidden.
 */
export function dataSections(
  schema: SchemaNode,
  uiSchema: SchemaNode,
  data: Record<string, unknown> | null,
): DataSection[] {
  const values = data ?? {};
  const properties = propertiesOf(schema, schema);
  const names = [...Object.keys(properties), ...Object.keys(values).filter((n) => !properties[n])];
  const steps = stepsOf(uiSchema, names);
  const placed = new Set(steps.flatMap((step) => step.fields));
  const rest = ordered(
    names.filter((name) => !placed.has(name)),
    uiSchema['ui:order'],
  );
  const sections = rest.length > 0 ? [...steps, { title: null, fields: rest }] : steps;
  return sections.map((section) => ({
    title: section.title,
    fields: section.fields.map((name) =>
      fieldOf(name, properties[name] ?? {}, values[name], schema, child(uiSchema, name)),
    ),
  }));
}

/**
 * The fields an officer may name in a correction request: every top-level field in order, each
 * followed by the properties of a group it holds (`住所 · 邮政编码`), so a request can point at
 * the one value to fix. Lists and their items are named as a whole.
 */
export function correctableFields(schema: SchemaNode, uiSchema: SchemaNode) {
  return dataSections(schema, uiSchema, null).flatMap((section) =>
    section.fields.flatMap(({ name, pointer, title }) =>
      withGroupProperties({ name, pointer, title }, propertyNode(schema, name), schema).map(
        (field) => ({ ...field, step: section.title }),
      ),
    ),
  );
}

interface NamedField {
  name: string;
  pointer: string;
  title: string;
}

function withGroupProperties(field: NamedField, node: SchemaNode, root: SchemaNode): NamedField[] {
  const properties = propertiesOf(node, root);
  const nested = Object.entries(properties).flatMap(([name, child]): NamedField[] =>
    withGroupProperties(
      {
        name: `${field.name}.${name}`,
        pointer: `${field.pointer}/${escapePointer(name)}`,
        title: `${field.title} · ${titleOf(child, root, name)}`,
      },
      child,
      root,
    ),
  );
  return [field, ...nested];
}

function propertyNode(schema: SchemaNode, name: string): SchemaNode {
  return propertiesOf(schema, schema)[name] ?? {};
}

/** How a value looks in the read-only view, given the schema that asked for it. */
export function displayValue(
  node: SchemaNode,
  value: unknown,
  root: SchemaNode = node,
  uiSchema: SchemaNode = {},
): DisplayValue {
  const schema = resolve(node, root);
  if (value === undefined || value === null || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (Array.isArray(value)) return listValue(schema, value, root, uiSchema);
  if (typeof value === 'object') {
    return groupValue(schema, value as Record<string, unknown>, root, uiSchema);
  }
  return { kind: 'text', text: optionTitle(schema, value) ?? String(value) };
}

function fieldOf(
  name: string,
  node: SchemaNode,
  value: unknown,
  root: SchemaNode,
  uiSchema: SchemaNode,
): DataField {
  const schema = resolve(node, root);
  const title = titleOf(node, root, name);
  return {
    name,
    pointer: `/${escapePointer(name)}`,
    title,
    value: displayValue(schema, value, root, uiSchema),
  };
}

function listValue(
  schema: SchemaNode,
  value: unknown[],
  root: SchemaNode,
  uiSchema: SchemaNode,
): DisplayValue {
  if (value.length === 0) return { kind: 'empty' };
  if (value.every(isFileReference)) {
    const files = value.map(({ id, name, size }) => ({ id, name, size: Number(size) || 0 }));
    return { kind: 'files', files };
  }
  const items = isNode(schema.items) ? schema.items : {};
  const itemsUi = child(uiSchema, 'items');
  return { kind: 'list', items: value.map((item) => displayValue(items, item, root, itemsUi)) };
}

function groupValue(
  schema: SchemaNode,
  value: Record<string, unknown>,
  root: SchemaNode,
  uiSchema: SchemaNode,
): DisplayValue {
  const properties = propertiesOf(schema, root);
  const known = Object.keys(properties).filter((name) => name in value);
  const extra = Object.keys(value).filter((name) => !properties[name]);
  const names = ordered([...known, ...extra], uiSchema['ui:order']);
  const fields = names.map((name) => {
    const node = properties[name] ?? {};
    const title = titleOf(node, root, name);
    return { title, value: displayValue(node, value[name], root, child(uiSchema, name)) };
  });
  return { kind: 'group', fields };
}

/** A field's own title, else its `$ref` target's, else its name. */
function titleOf(node: SchemaNode, root: SchemaNode, name: string): string {
  if (typeof node.title === 'string') return node.title;
  const resolved = resolve(node, root);
  return typeof resolved.title === 'string' ? resolved.title : name;
}

/** The title of the `oneOf`/`anyOf` option whose `const` is the value, if the schema has one. */
function optionTitle(schema: SchemaNode, value: unknown): string | undefined {
  const options = [schema.oneOf, schema.anyOf].find(Array.isArray) as unknown[] | undefined;
  const option = options?.find((o) => isNode(o) && o.const === value) as SchemaNode | undefined;
  return typeof option?.title === 'string' ? option.title : undefined;
}

function stepsOf(
  uiSchema: SchemaNode,
  names: string[],
): { title: DefinitionText | null; fields: string[] }[] {
  const steps = uiSchema['ui:steps'];
  if (!Array.isArray(steps)) return [];
  const used = new Set<string>();
  return steps.flatMap((step: unknown) => {
    if (!isNode(step) || !Array.isArray(step.fields)) return [];
    const fields = step.fields.filter(
      (name): name is string => typeof name === 'string' && names.includes(name) && !used.has(name),
    );
    fields.forEach((name) => used.add(name));
    const title = (step.title ?? null) as DefinitionText | null;
    return fields.length > 0 ? [{ title, fields }] : [];
  });
}

/** rjsf's `ui:order`: the names listed first, `*` standing for the others in their order. */
function ordered(names: string[], order: unknown): string[] {
  if (!Array.isArray(order)) return names;
  const listed = order.filter((name): name is string => typeof name === 'string');
  const rest = names.filter((name) => !listed.includes(name));
  const result = listed.flatMap((name) =>
    name === '*' ? rest : names.includes(name) ? [name] : [],
  );
  return listed.includes('*') ? result : [...result, ...rest];
}

function propertiesOf(node: SchemaNode, root: SchemaNode): Record<string, SchemaNode> {
  const properties = resolve(node, root).properties;
  return isNode(properties) ? (properties as Record<string, SchemaNode>) : {};
}

/** Follows local `$ref`s (`#/definitions/address`) a few levels deep. */
function resolve(node: SchemaNode, root: SchemaNode): SchemaNode {
  let current = node;
  for (let depth = 0; depth < 8 && typeof current.$ref === 'string'; depth++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#')) break;
    const target = ref
      .slice(1)
      .split('/')
      .filter(Boolean)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, part) => (isNode(at) ? at[part] : undefined), root);
    if (!isNode(target)) break;
    current = target;
  }
  return current;
}

function child(uiSchema: SchemaNode, name: string): SchemaNode {
  const node = uiSchema[name];
  return isNode(node) ? node : {};
}

function isFileReference(value: unknown): value is FileReference {
  return isNode(value) && typeof value.id === 'string' && typeof value.sha256 === 'string';
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
