import { isObject } from '../../source/loaded-definition';
import { joinPointer, valueAt } from '../../source/json-pointer';
import { subschemasOf, walkSchema } from './form-schema-tree';

export interface SchemaRef {
  /** Pointer of the `$ref` keyword itself. */
  pointer: string;
  /** Pointer of the schema holding it. */
  owner: string;
  ref: string;
  /** Pointer of the schema it names, when it names one in this document. */
  target: string | undefined;
}

export interface SchemaProblem {
  pointer: string;
  message: string;
  atKey?: boolean;
}

const collected = new WeakMap<object, SchemaRef[]>();

/** Every `$ref` of a schema document, resolved against the document itself; cached per root. */
export function collectRefs(root: unknown): SchemaRef[] {
  if (!isObject(root)) return findRefs(root);
  let refs = collected.get(root);
  if (!refs) {
    refs = findRefs(root);
    collected.set(root, refs);
  }
  return refs;
}

function findRefs(root: unknown): SchemaRef[] {
  const ids = new Map<string, string>();
  const refs: Omit<SchemaRef, 'target'>[] = [];
  walkSchema(root, (node, pointer) => {
    if (!isObject(node)) return;
    if (typeof node.$id === 'string') ids.set(node.$id, pointer);
    if (typeof node.$ref === 'string') {
      refs.push({ pointer: joinPointer(pointer, '$ref'), owner: pointer, ref: node.$ref });
    }
  });
  return refs.map((ref) => ({ ...ref, target: resolveRef(root, ids, ref.ref) }));
}

function resolveRef(root: unknown, ids: Map<string, string>, ref: string): string | undefined {
  const hash = ref.indexOf('#');
  const base = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  const basePointer =
    base === '' || base === (isObject(root) ? root.$id : undefined) ? '' : ids.get(base);
  if (basePointer === undefined) return undefined;
  if (fragment !== '' && !fragment.startsWith('/')) return ids.get(`#${fragment}`);
  let pointer: string;
  try {
    pointer = basePointer + decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  const target = valueAt(root, pointer);
  return isObject(target) || typeof target === 'boolean' ? pointer : undefined;
}

export function unresolvedRefs(refs: readonly SchemaRef[]): SchemaProblem[] {
  return refs
    .filter((ref) => ref.target === undefined)
    .map((ref) => ({
      pointer: ref.pointer,
      message: `$ref "${ref.ref}" names no schema in this document (use "#/definitions/NAME")`,
    }));
}

/**
 * `$ref` chains that come back to where they started without stepping into the data (through
 * $ref, allOf, anyOf, oneOf, not, if/then/else, dependencies): validating them never ends, and
 * ajv overflows its stack compiling or running them. Recursion through properties or items is
 * fine and not reported. Iterative, so a long chain cannot overflow the linter either.
 */
export function circularRefs(root: unknown, refs: readonly SchemaRef[]): SchemaProblem[] {
  const edges = inPlaceEdges(root, refs);
  const problems: SchemaProblem[] = [];
  const seenCycles = new Set<string>();
  for (const [start, list] of edges) {
    for (const edge of list) {
      const path = pathBetween(edges, edge.target, start);
      if (!path) continue;
      const key = [...new Set(path)].sort().join('\n');
      if (seenCycles.has(key)) continue;
      seenCycles.add(key);
      const chain = [start, ...path].map((pointer) => `#${pointer}`).join(' -> ');
      const message = `$ref loops without reading any data: ${chain}`;
      problems.push({ pointer: edge.ref.pointer, message });
    }
  }
  return problems;
}

/** For each schema node that can start a chain: the refs it applies in place, by target. */
type EdgeMap = Map<string, { ref: SchemaRef; target: string }[]>;

function inPlaceEdges(root: unknown, refs: readonly SchemaRef[]): EdgeMap {
  const starts = new Set<string>(['']);
  for (const ref of refs) if (ref.target !== undefined) starts.add(ref.target);
  const byOwner = new Map(refs.map((ref) => [ref.owner, ref]));
  const edges: EdgeMap = new Map();
  for (const start of starts) {
    const list: { ref: SchemaRef; target: string }[] = [];
    for (const owner of inPlaceNodes(valueAt(root, start), start)) {
      const ref = byOwner.get(owner);
      if (ref?.target !== undefined) list.push({ ref, target: ref.target });
    }
    edges.set(start, list);
  }
  return edges;
}

/** The node and its in-place subschemas, which all apply to the same data. */
function inPlaceNodes(node: unknown, pointer: string): string[] {
  const found: string[] = [];
  const pending = [{ node, pointer }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    found.push(next.pointer);
    for (const child of subschemasOf(next.node, next.pointer)) {
      if (child.kind === 'inPlace') pending.push({ node: child.schema, pointer: child.pointer });
    }
  }
  return found;
}

/** A path of start nodes from `from` to `to` along the edges (breadth first), or undefined. */
function pathBetween(edges: EdgeMap, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (node === to) return unwind(previous, node);
    for (const edge of edges.get(node) ?? []) {
      if (previous.has(edge.target)) continue;
      previous.set(edge.target, node);
      queue.push(edge.target);
    }
  }
  return undefined;
}

function unwind(previous: Map<string, string | null>, last: string): string[] {
  const path = [last];
  for (let node = previous.get(last); typeof node === 'string'; node = previous.get(node)) {
    path.unshift(node);
  }
  return path;
}
