import { isObject } from '../../source/loaded-definition';
import { collectRefs } from './form-schema-refs';
import { subschemasOf } from './form-schema-tree';
import { valueAt } from '../../source/json-pointer';

/**
 * The fields a schema node declares, looking through $ref and in-place subschemas (allOf,
 * anyOf, oneOf, if/then/else, dependencies): what a uiSchema key or a template path may name.
 */
export interface FieldLookup {
  /** True when the node declares no property anywhere: a free-form object nobody can judge. */
  open: boolean;
  has(name: string): boolean;
  /** The schemas declared for a property (several when branches each declare it). */
  property(name: string): unknown[];
  /** The item schemas when the node is an array. */
  items(): unknown[];
}

/** Resolves `$ref` within one schema document; built once per form schema. */
export class SchemaResolver {
  private readonly targets: Map<string, string | undefined>;
  private readonly lookups = new Map<unknown, FieldLookup>();

  constructor(readonly root: unknown) {
    this.targets = new Map(collectRefs(root).map((ref) => [ref.ref, ref.target]));
  }

  /** The node and every schema applying in place to the same data, refs followed once each. */
  inPlace(node: unknown): Record<string, unknown>[] {
    const found: Record<string, unknown>[] = [];
    const seen = new Set<unknown>();
    const pending = [node];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (!isObject(next) || seen.has(next)) continue;
      seen.add(next);
      found.push(next);
      if (typeof next.$ref === 'string') pending.push(this.resolve(next.$ref));
      for (const child of subschemasOf(next, '')) {
        if (child.kind === 'inPlace' && child.keyword !== 'not') pending.push(child.schema);
      }
    }
    return found;
  }

  lookup(node: unknown): FieldLookup {
    let lookup = this.lookups.get(node);
    if (!lookup) {
      lookup = this.buildLookup(node);
      this.lookups.set(node, lookup);
    }
    return lookup;
  }

  private buildLookup(node: unknown): FieldLookup {
    const nodes = this.inPlace(node);
    const properties = new Map<string, unknown[]>();
    for (const each of nodes) {
      if (!isObject(each.properties)) continue;
      for (const [name, schema] of Object.entries(each.properties)) {
        properties.set(name, [...(properties.get(name) ?? []), schema]);
      }
    }
    return {
      open: properties.size === 0,
      has: (name) => properties.has(name),
      property: (name) => properties.get(name) ?? [],
      items: () => nodes.flatMap((each) => itemSchemas(each.items)),
    };
  }

  private resolve(ref: string): unknown {
    const target = this.targets.get(ref);
    return target === undefined ? undefined : valueAt(this.root, target);
  }
}

function itemSchemas(items: unknown): unknown[] {
  if (Array.isArray(items)) return items;
  return items === undefined ? [] : [items];
}

const resolvers = new WeakMap<object, SchemaResolver>();

export function schemaResolver(root: unknown): SchemaResolver {
  if (!isObject(root)) return new SchemaResolver(root);
  let resolver = resolvers.get(root);
  if (!resolver) {
    resolver = new SchemaResolver(root);
    resolvers.set(root, resolver);
  }
  return resolver;
}
