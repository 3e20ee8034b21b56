import { topFieldOf } from './field-pointer';

/** A JSON Schema or uiSchema node as the form page handles it. */
export type SchemaNode = Record<string, unknown>;

/**
 * One page of the form: a title (`{"zh-CN", "en"}` from `ui:steps`, or the schema's title when
 * the form has one step) and the top-level properties it asks for, in order.
 */
export interface FormStep {
  title: unknown;
  fields: string[];
}

/** Keywords of the root schema that tie properties of different steps together. */
const crossStepKeywords = [
  'properties',
  'required',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'dependencies',
  'dependentRequired',
  'dependentSchemas',
  'title',
  'description',
];

/**
 * The steps of a form: those of the uiSchema's `ui:steps` (`[{title, fields}]`, what the linter
 * checks), keeping the fields the schema has, each once; top-level properties in no step (the
 * linter warns of them) are asked in a last step of their own rather than never. Without
 * `ui:steps` the whole form is one step, its properties in `ui:order` order.
 */
export function formSteps(schema: SchemaNode, uiSchema: SchemaNode): FormStep[] {
  const properties = propertyNames(schema);
  const declared = declaredSteps(uiSchema['ui:steps'], new Set(properties));
  if (declared.length === 0) {
    return [
      { title: schema.title ?? null, fields: orderedFields(properties, uiSchema['ui:order']) },
    ];
  }
  const placed = new Set(declared.flatMap((step) => step.fields));
  const rest = properties.filter((name) => !placed.has(name));
  return rest.length > 0 ? [...declared, { title: null, fields: rest }] : declared;
}

/** The index of the step asking for the value at `pointer`; the first for the whole form. */
export function stepOfPointer(steps: readonly FormStep[], pointer: string): number {
  const field = topFieldOf(pointer);
  const index = field === undefined ? -1 : steps.findIndex((s) => s.fields.includes(field));
  return Math.max(0, index);
}

/**
 * The schema of one step: the root's own keywords (definitions, `additionalProperties`) with
 * only the step's properties and required names. Conditions across top-level properties are
 * left to the check of the whole form before submitting (and to the server).
 */
export function stepSchema(schema: SchemaNode, step: FormStep, title: string): SchemaNode {
  const properties = (schema.properties ?? {}) as SchemaNode;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const rest = Object.fromEntries(
    Object.entries(schema).filter(([key]) => !crossStepKeywords.includes(key)),
  );
  return {
    ...rest,
    type: 'object',
    title,
    properties: Object.fromEntries(step.fields.map((name) => [name, properties[name] ?? {}])),
    required: required.filter((name) => step.fields.includes(name)),
  };
}

/** The uiSchema of one step: the step's fields in step order, with the form-wide options. */
export function stepUiSchema(uiSchema: SchemaNode, step: FormStep): SchemaNode {
  const global = Object.entries(uiSchema).filter(
    ([key]) => key.startsWith('ui:') && key !== 'ui:steps' && key !== 'ui:order',
  );
  const fields = step.fields.flatMap((name) =>
    uiSchema[name] === undefined ? [] : [[name, uiSchema[name]]],
  );
  return { ...Object.fromEntries([...global, ...fields]), 'ui:order': [...step.fields] };
}

/** The part of the data one step edits. */
export function stepData(data: SchemaNode, step: FormStep): SchemaNode {
  return Object.fromEntries(step.fields.filter((name) => name in data).map((n) => [n, data[n]]));
}

/** The whole data with one step's part replaced; a field the step cleared is removed. */
export function withStepData(data: SchemaNode, step: FormStep, part: SchemaNode): SchemaNode {
  const kept = Object.entries(data).filter(([name]) => !step.fields.includes(name));
  const edited = Object.entries(part).filter(
    ([name, value]) => step.fields.includes(name) && value !== undefined,
  );
  return Object.fromEntries([...kept, ...edited]);
}

function propertyNames(schema: SchemaNode): string[] {
  const properties = schema.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}

function declaredSteps(steps: unknown, known: ReadonlySet<string>): FormStep[] {
  if (!Array.isArray(steps)) return [];
  const used = new Set<string>();
  return steps.flatMap((step: unknown) => {
    const node = (step && typeof step === 'object' ? step : {}) as SchemaNode;
    const fields = (Array.isArray(node.fields) ? node.fields : []).filter(
      (name): name is string => typeof name === 'string' && known.has(name) && !used.has(name),
    );
    fields.forEach((name) => used.add(name));
    return fields.length > 0 ? [{ title: node.title ?? null, fields }] : [];
  });
}

/** rjsf's `ui:order`: listed names first, `*` standing for the rest in schema order. */
export function orderedFields(names: string[], order: unknown): string[] {
  if (!Array.isArray(order)) return names;
  const listed = order.filter((name): name is string => typeof name === 'string');
  const rest = names.filter((name) => !listed.includes(name));
  const result = listed.flatMap((name) =>
    name === '*' ? rest : names.includes(name) ? [name] : [],
  );
  return listed.includes('*') ? result : [...result, ...rest];
}
