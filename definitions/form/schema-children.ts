import { isObject } from '../source/loaded-definition';

/** Keywords whose value maps names to subschemas. */
const schemaMaps = ['properties', 'definitions', '$defs', 'dependencies'] as const;
/** Keywords whose value is a list of subschemas. */
const schemaLists = ['allOf', 'anyOf', 'oneOf'] as const;
/** Keywords whose value is one subschema. */
const schemaSingles = ['if', 'then', 'else'] as const;

/** A subschema and the pointer segments from its parent to it. */
export interface SchemaChild {
  path: (string | number)[];
  schema: Record<string, unknown>;
}

/**
 * The object subschemas directly under `node` that form fields can live in: properties, items,
 * allOf/anyOf/oneOf, if/then/else, definitions/$defs and schema dependencies. `$ref` is never
 * followed, so walking these children terminates on any JSON document.
 */
export function schemaChildren(node: Record<string, unknown>): SchemaChild[] {
  const children: SchemaChild[] = [];
  const add = (path: (string | number)[], value: unknown) => {
    if (isObject(value)) children.push({ path, schema: value });
  };
  for (const keyword of schemaMaps) {
    const map = node[keyword];
    if (isObject(map)) for (const [name, value] of Object.entries(map)) add([keyword, name], value);
  }
  const items = node.items;
  if (Array.isArray(items)) items.forEach((value, i) => add(['items', i], value));
  else add(['items'], items);
  for (const keyword of schemaLists) {
    const list = node[keyword];
    if (Array.isArray(list)) list.forEach((value, i) => add([keyword, i], value));
  }
  for (const keyword of schemaSingles) add([keyword], node[keyword]);
  return children;
}

/** A copy of `node` with the subschema at `path` (as given by schemaChildren) replaced. */
export function withChild(
  node: Record<string, unknown>,
  path: readonly (string | number)[],
  schema: unknown,
): Record<string, unknown> {
  const [keyword, key] = path;
  if (typeof keyword !== 'string') return node;
  return { ...node, [keyword]: key === undefined ? schema : withEntry(node[keyword], key, schema) };
}

function withEntry(container: unknown, key: string | number, schema: unknown): unknown {
  if (Array.isArray(container)) return container.map((value, i) => (i === key ? schema : value));
  return isObject(container) ? { ...container, [key]: schema } : container;
}
