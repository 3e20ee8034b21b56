import { createHash } from 'node:crypto';

/**
 * SHA-256 of a stable serialization of a JSON value: object keys sorted, so two documents with
 * the same content hash alike whatever their key order. Throws a TypeError on a cycle.
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value, new Set())).digest('hex');
}

function stableStringify(value: unknown, ancestors: Set<object>): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (ancestors.has(value)) throw new TypeError('a circular value has no content hash');
  ancestors.add(value);
  const text = Array.isArray(value)
    ? `[${value.map((item) => stableStringify(item, ancestors)).join(',')}]`
    : `{${Object.keys(value)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${stableStringify(valueOf(value, key), ancestors)}`)
        .join(',')}}`;
  ancestors.delete(value);
  return text;
}

function valueOf(object: object, key: string): unknown {
  return (object as Record<string, unknown>)[key];
}
