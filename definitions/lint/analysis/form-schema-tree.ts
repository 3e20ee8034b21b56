import { isObject } from '../../source/loaded-definition';

/**
 * How a subschema relates to its parent: `inPlace` applies to the same data (allOf, if...),
 * `data` to a part of it (properties, items...), `definition` to nothing until referenced.
 */
export type SubschemaKind = 'inPlace' | 'data' | 'definition';

export interface Subschema {
  kind: SubschemaKind;
  keyword: string;
  pointer: string;
  schema: unknown;
}

/** Pointer building is the hot path of every schema walk; most segments need no escaping. */
function joinPointer(base: string, segment: string): string {
  const plain = !segment.includes('~') && !segment.includes('/');
  return `${base}/${plain ? segment : segment.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

type Shape = 'single' | 'items' | 'list' | 'map';

const keywords: Record<string, [Shape, SubschemaKind]> = {
  not: ['single', 'inPlace'],
  if: ['single', 'inPlace'],
  then: ['single', 'inPlace'],
  else: ['single', 'inPlace'],
  additionalItems: ['single', 'data'],
  additionalProperties: ['single', 'data'],
  contains: ['single', 'data'],
  propertyNames: ['single', 'data'],
  items: ['items', 'data'],
  allOf: ['list', 'inPlace'],
  anyOf: ['list', 'inPlace'],
  oneOf: ['list', 'inPlace'],
  properties: ['map', 'data'],
  patternProperties: ['map', 'data'],
  dependencies: ['map', 'inPlace'],
  definitions: ['map', 'definition'],
  $defs: ['map', 'definition'],
};

/** A subschema relative to its parent: `suffix` is the pointer from the parent to it. */
interface SubschemaLink {
  kind: SubschemaKind;
  keyword: string;
  suffix: string;
  schema: unknown;
}

/** Links per schema object: every rule walks the same form schema, often several times. */
const linkCache = new WeakMap<object, SubschemaLink[]>();

/** The draft-07 subschemas directly under a schema node, in document order; `$ref` is not followed. */
export function subschemasOf(node: unknown, pointer: string): Subschema[] {
  if (!isObject(node)) return [];
  let links = linkCache.get(node);
  if (!links) {
    links = findLinks(node);
    linkCache.set(node, links);
  }
  return links.map((link) => ({
    kind: link.kind,
    keyword: link.keyword,
    pointer: pointer + link.suffix,
    schema: link.schema,
  }));
}

function findLinks(node: Record<string, unknown>): SubschemaLink[] {
  const links: SubschemaLink[] = [];
  const add = (kind: SubschemaKind, keyword: string, suffix: string, schema: unknown) => {
    if (isObject(schema) || typeof schema === 'boolean')
      links.push({ kind, keyword, suffix, schema });
  };
  for (const keyword of Object.keys(node)) {
    const known = Object.hasOwn(keywords, keyword) ? keywords[keyword] : undefined;
    if (!known) continue;
    const [shape, kind] = known;
    const value = node[keyword];
    const base = joinPointer('', keyword);
    if (shape === 'single' || (shape === 'items' && !Array.isArray(value))) {
      add(kind, keyword, base, value);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => add(kind, keyword, `${base}/${index}`, item));
    } else if (shape === 'map' && isObject(value)) {
      for (const [name, item] of Object.entries(value))
        add(kind, keyword, joinPointer(base, name), item);
    }
  }
  return links;
}

/** Visits every schema node of the tree, parents before children. */
export function walkSchema(
  root: unknown,
  visit: (node: unknown, pointer: string) => void,
  pointer = '',
): void {
  visit(root, pointer);
  for (const child of subschemasOf(root, pointer)) walkSchema(child.schema, visit, child.pointer);
}
