import { decodePointer } from '../../definitions/source/json-pointer';
import type { SampleEdit } from './example-cases';

/** A deep copy of the sample with the edits applied in order; a pointer with no parent throws. */
export function applyEdits(sample: unknown, edits: readonly SampleEdit[]): unknown {
  const data = structuredClone(sample);
  for (const edit of edits) {
    const pointer = 'set' in edit ? edit.set : edit.remove;
    const segments = decodePointer(pointer);
    const key = segments.pop() ?? '';
    const parent = segments.reduce<unknown>((node, segment) => memberOf(node, segment), data);
    if (typeof parent !== 'object' || parent === null) throw new Error(`no parent at ${pointer}`);
    const target = parent as Record<string, unknown>;
    if ('set' in edit) target[key] = structuredClone(edit.value);
    else delete target[key];
  }
  return data;
}

function memberOf(node: unknown, segment: string): unknown {
  return typeof node === 'object' && node !== null
    ? (node as Record<string, unknown>)[segment]
    : undefined;
}
