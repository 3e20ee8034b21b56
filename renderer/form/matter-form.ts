import {
  type Experimental_DefaultFormStateBehavior,
  getDefaultFormState,
  retrieveSchema,
} from '@rjsf/utils';
import type { Matter, MaterialInfo } from '../application/application-api';
import { type Locale, localized } from '../i18n/i18n';
import type { SchemaResolver } from './answer-rows';
import { type FormValidator, formValidator } from './form-validator';
import { type FormStep, type SchemaNode, formSteps, stepSchema, stepUiSchema } from './form-steps';
import { localizeSchema, localizeUiSchema } from './localized-schema';

/** The name the material upload field is registered under in rjsf's `fields`. */
export const materialFieldName = 'material';

/**
 * A published matter's form, ready for the page in one language: the schema and uiSchema with
 * that language's labels, material fields drawn by the upload field, the steps with their own
 * schemas (built once, so rjsf and Ajv compile each once), and the validator.
 */
export interface MatterForm {
  schema: SchemaNode;
  uiSchema: SchemaNode;
  steps: FormStep[];
  stepSchemas: SchemaNode[];
  stepUiSchemas: SchemaNode[];
  materials: ReadonlyMap<string, MaterialInfo>;
  validator: FormValidator;
  resolve: SchemaResolver;
}

/**
 * rjsf's defaults, except that a material's file list is never filled with empty items to reach
 * its `minItems`: files only come from uploads.
 */
export const defaultsBehavior: Experimental_DefaultFormStateBehavior = {
  arrayMinItems: {
    populate: 'all',
    computeSkipPopulate: (_validator, schema) =>
      typeof (schema as SchemaNode).material === 'string',
  },
};

export function buildMatterForm(matter: Matter, locale: Locale): MatterForm {
  const schema = localizeSchema(matter.schema, locale);
  const uiSchema = withMaterialFields(localizeUiSchema(matter.uiSchema, locale), schema);
  const steps = formSteps(schema, uiSchema);
  const validator = formValidator(locale);
  const stepTitle = (step: FormStep) => localized(step.title, locale);
  return {
    schema,
    uiSchema,
    steps,
    stepSchemas: steps.map((step) => stepSchema(schema, step, stepTitle(step))),
    stepUiSchemas: steps.map((step) => stepUiSchema(uiSchema, step)),
    materials: new Map(matter.materials.map((material) => [material.id, material])),
    validator,
    resolve: (node, value) =>
      retrieveSchema(validator, node as never, schema as never, value) as SchemaNode,
  };
}

/** The saved data with the schema's defaults filled in (a currency, a first shareholder). */
export function initialAnswers(
  form: MatterForm,
  data: Record<string, unknown> | null,
): Record<string, unknown> {
  const filled = getDefaultFormState(
    form.validator,
    form.schema as never,
    data ?? {},
    form.schema as never,
    false,
    defaultsBehavior,
  );
  return (filled && typeof filled === 'object' ? filled : {}) as Record<string, unknown>;
}

/**
 * The uiSchema with `ui:field: material` on every field of the schema that names a material,
 * wherever it sits (top level, in an object, in array items), unless the author chose a field.
 */
export function withMaterialFields(uiSchema: SchemaNode, schema: SchemaNode): SchemaNode {
  if (typeof schema.material === 'string') {
    return uiSchema['ui:field'] ? uiSchema : { ...uiSchema, 'ui:field': materialFieldName };
  }
  const result: SchemaNode = { ...uiSchema };
  const properties = isNode(schema.properties) ? schema.properties : {};
  for (const [name, child] of Object.entries(properties)) {
    if (!isNode(child) || !containsMaterial(child)) continue;
    result[name] = withMaterialFields(isNode(uiSchema[name]) ? uiSchema[name] : {}, child);
  }
  if (isNode(schema.items) && containsMaterial(schema.items)) {
    result.items = withMaterialFields(isNode(uiSchema.items) ? uiSchema.items : {}, schema.items);
  }
  return result;
}

function containsMaterial(schema: unknown): boolean {
  return JSON.stringify(schema).includes('"material":');
}

function isNode(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
