import { joinPointer } from '../../source/json-pointer';
import { type LoadedPart, isObject } from '../../source/loaded-definition';
import { keyPosition } from '../analysis/key-position';
import { type SchemaResolver, schemaResolver } from '../analysis/form-schema-lookup';
import type { LintRule, RuleContext, RuleReport } from '../lint-rule';

/** Runs `check` when the definition has both a uiSchema object and a form schema. */
function withUi(
  check: (
    context: RuleContext,
    ui: LoadedPart & { value: Record<string, unknown> },
    schema: unknown,
  ) => void,
) {
  return (context: RuleContext) => {
    const ui = context.part('formUi');
    const schema = context.part('formSchema');
    if (ui && schema && isObject(ui.value))
      check(context, { ...ui, value: ui.value }, schema.value);
  };
}

export const uiUnknownFieldRule: LintRule = {
  id: 'ui-unknown-field',
  severity: 'error',
  explain:
    'Keys of form.ui.json (other than ui:*), ui:order entries and ui:steps fields must name properties of the form schema at the same level; fix the name or remove the entry.',
  check: withUi((context, ui, schema) => {
    const resolver = schemaResolver(schema);
    const reports: RuleReport[] = [];
    checkUiNode(resolver, ui.value, schema, '', reports, 0);
    reports.push(...unknownStepFields(resolver, ui.value, schema));
    for (const report of reports) {
      context.report(ui, {
        ...report,
        position: report.position ?? keyPosition(context, ui, report.pointer),
      });
    }
  }),
};

/** uiSchemas mirror the data, so this depth is generous; it bounds hostile input. */
const maxUiDepth = 64;

function checkUiNode(
  resolver: SchemaResolver,
  ui: unknown,
  schema: unknown,
  pointer: string,
  reports: RuleReport[],
  depth: number,
): void {
  if (!isObject(ui) || depth > maxUiDepth) return;
  const fields = resolver.lookup(schema);
  for (const [key, value] of Object.entries(ui)) {
    const at = joinPointer(pointer, key);
    if (key === 'ui:order') reports.push(...unknownOrderEntries(value, at, fields));
    if (key.startsWith('ui:')) continue;
    if (key === 'items' || key === 'additionalItems') {
      const item = fields.items()[0];
      if (item !== undefined) checkUiNode(resolver, value, item, at, reports, depth + 1);
      if (item !== undefined || fields.open) continue;
    }
    if (fields.open) continue;
    if (!fields.has(key)) {
      reports.push({ pointer: at, message: `"${key}" is not a property of the form schema here` });
      continue;
    }
    checkUiNode(resolver, value, fields.property(key)[0], at, reports, depth + 1);
  }
}

function unknownOrderEntries(
  order: unknown,
  pointer: string,
  fields: { open: boolean; has(name: string): boolean },
): RuleReport[] {
  if (!Array.isArray(order) || fields.open) return [];
  return order.flatMap((name, index) => {
    if (typeof name !== 'string' || name === '*' || fields.has(name)) return [];
    const message = `ui:order names "${name}", which is not a property of the form schema here`;
    return [{ pointer: joinPointer(pointer, index), message, position: undefined }];
  });
}

interface StepField {
  name: string;
  pointer: string;
  step: number;
}

/** The field names listed in ui:steps, in order; steps of the wrong shape are skipped. */
function stepFields(ui: Record<string, unknown>): StepField[] | undefined {
  const steps = ui['ui:steps'];
  if (!Array.isArray(steps)) return undefined;
  return steps.flatMap((step, index) => {
    const fields = isObject(step) ? step.fields : undefined;
    if (!Array.isArray(fields)) return [];
    const base = joinPointer('/ui:steps', index, 'fields');
    return fields.flatMap((name, i) =>
      typeof name === 'string' ? [{ name, pointer: joinPointer(base, i), step: index }] : [],
    );
  });
}

function unknownStepFields(resolver: SchemaResolver, ui: Record<string, unknown>, schema: unknown) {
  const fields = resolver.lookup(schema);
  if (fields.open) return [];
  return (stepFields(ui) ?? [])
    .filter((field) => !fields.has(field.name))
    .map((field) => ({
      pointer: field.pointer,
      message: `ui:steps names "${field.name}", which is not a top-level property of the form schema`,
    }));
}

export const uiStepsShapeRule: LintRule = {
  id: 'ui-steps-shape',
  severity: 'error',
  explain:
    '"ui:steps" is a list of steps, each {"title": {"zh-CN", "en"}, "fields": ["property", ...]} naming top-level properties; fix the shape at the pointer.',
  check: withUi((context, ui) => {
    const steps = ui.value['ui:steps'];
    if (steps === undefined) return;
    if (!Array.isArray(steps)) {
      context.report(ui, { pointer: '/ui:steps', message: 'ui:steps must be a list of steps' });
      return;
    }
    steps.forEach((step, index) => {
      if (
        isObject(step) &&
        Array.isArray(step.fields) &&
        step.fields.every((f) => typeof f === 'string')
      )
        return;
      const message = `step ${index + 1} must be an object with "fields", a list of property names`;
      context.report(ui, { pointer: joinPointer('/ui:steps', index), message });
    });
  }),
};

export const uiStepDuplicateFieldRule: LintRule = {
  id: 'ui-step-duplicate-field',
  severity: 'error',
  explain:
    'Each property belongs to exactly one step of "ui:steps", or the form would ask for it twice; remove it from all steps but one.',
  check: withUi((context, ui) => {
    const firstStep = new Map<string, number>();
    for (const field of stepFields(ui.value) ?? []) {
      const first = firstStep.get(field.name);
      if (first === undefined) {
        firstStep.set(field.name, field.step);
        continue;
      }
      const message = `"${field.name}" is already in step ${first + 1}`;
      context.report(ui, { pointer: field.pointer, message });
    }
  }),
};

export const uiStepMissingFieldRule: LintRule = {
  id: 'ui-step-missing-field',
  severity: 'warning',
  explain:
    'When "ui:steps" is used, a top-level property in no step is never shown to the applicant; add it to a step.',
  check: withUi((context, ui, schema) => {
    const listed = stepFields(ui.value);
    if (!listed || !isObject(schema) || !isObject(schema.properties)) return;
    const names = new Set(listed.map((field) => field.name));
    for (const name of Object.keys(schema.properties)) {
      if (names.has(name)) continue;
      const message = `property "${name}" is in no step of ui:steps, so the form never shows it`;
      context.report(ui, { pointer: '/ui:steps', message });
    }
  }),
};

export const uiSchemaShapeRule: LintRule = {
  id: 'ui-schema-shape',
  severity: 'error',
  explain:
    'form.ui.json is an rjsf uiSchema: one JSON object whose keys are ui:* options or property names; replace the value with such an object.',
  check(context) {
    const ui = context.part('formUi');
    if (!ui || isObject(ui.value)) return;
    context.report(ui, { pointer: '', message: 'the uiSchema must be a JSON object' });
  },
};
