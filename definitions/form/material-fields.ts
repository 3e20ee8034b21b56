import type { FormSchema, Material } from '../matter-definition';
import { isObject } from '../source/loaded-definition';
import { encodePointer } from '../source/json-pointer';
import { materialKeyword } from './form-ajv';
import { schemaChildren, withChild } from './schema-children';

export interface MaterialField {
  materialId: string;
  /** Pointer into the form schema to the field's own schema. */
  pointer: string;
}

const sha256Pattern = '^[a-f0-9]{64}$';

/**
 * Every field of the schema that asks for a material upload (`"material": "ID"`), depth first
 * in the keyword order of `schemaChildren`. Never follows `$ref`.
 */
export function findMaterialFields(schema: FormSchema): MaterialField[] {
  const fields: MaterialField[] = [];
  const path: (string | number)[] = [];
  const ancestors = new Set<object>();
  const visit = (node: Record<string, unknown>) => {
    if (ancestors.has(node)) return;
    ancestors.add(node);
    const materialId = node[materialKeyword];
    if (typeof materialId === 'string') fields.push({ materialId, pointer: encodePointer(path) });
    for (const child of schemaChildren(node)) {
      path.push(...child.path);
      visit(child.schema);
      path.length -= child.path.length;
    }
    ancestors.delete(node);
  };
  if (isObject(schema)) visit(schema);
  return fields;
}

/**
 * Turns every material field into an array of uploaded-file references `{id, name, size,
 * sha256}`: at most `maxFiles` (default 1) long, at least one when the material is required,
 * each file at most `maxSize` bytes. A required material's field also becomes required in the
 * object that holds it. What the author wrote (title, description, any keyword) is kept; only
 * missing keywords are added. Returns a new schema and leaves the argument untouched; a field
 * naming an unknown material gets the defaults (the linter reports the unknown id).
 */
export function expandMaterialFields(
  schema: FormSchema,
  materials: readonly Material[],
): FormSchema {
  if (!isObject(schema)) return schema;
  const byId = new Map(materials.map((material) => [material.id, material]));
  return expandNode(schema, byId, new Set());
}

function expandNode(
  node: Record<string, unknown>,
  materials: ReadonlyMap<string, Material>,
  ancestors: Set<object>,
): Record<string, unknown> {
  if (ancestors.has(node)) return node;
  ancestors.add(node);
  let result = node;
  for (const child of schemaChildren(node)) {
    const expanded = expandNode(child.schema, materials, ancestors);
    if (expanded !== child.schema) result = withChild(result, child.path, expanded);
  }
  ancestors.delete(node);
  result = requireMaterialProperties(result, materials);
  const materialId = node[materialKeyword];
  return typeof materialId === 'string' ? expandField(result, materials.get(materialId)) : result;
}

function expandField(field: Record<string, unknown>, material: Material | undefined) {
  const added: Record<string, unknown> = {
    type: 'array',
    items: uploadedFileSchema(material),
    maxItems: material?.maxFiles ?? 1,
  };
  if (material?.required) added.minItems = 1;
  return { ...added, ...field };
}

function uploadedFileSchema(material: Material | undefined): Record<string, unknown> {
  const size: Record<string, unknown> = { type: 'integer', minimum: 0 };
  if (material?.maxSize !== undefined) size.maximum = material.maxSize;
  return {
    type: 'object',
    required: ['id', 'name', 'size', 'sha256'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: { type: 'string' },
      size,
      sha256: { type: 'string', pattern: sha256Pattern },
    },
    additionalProperties: false,
  };
}

function requireMaterialProperties(
  node: Record<string, unknown>,
  materials: ReadonlyMap<string, Material>,
): Record<string, unknown> {
  const properties = node.properties;
  if (!isObject(properties)) return node;
  const required = Array.isArray(node.required) ? node.required : [];
  const missing = Object.entries(properties)
    .filter(([name, field]) => isRequiredMaterial(field, materials) && !required.includes(name))
    .map(([name]) => name);
  return missing.length === 0 ? node : { ...node, required: [...required, ...missing] };
}

function isRequiredMaterial(field: unknown, materials: ReadonlyMap<string, Material>): boolean {
  if (!isObject(field)) return false;
  const materialId = field[materialKeyword];
  return typeof materialId === 'string' && materials.get(materialId)?.required === true;
}
