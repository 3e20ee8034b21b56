import { pointerSegments } from './field-pointer';

type Data = Record<string, unknown>;

/**
 * The data without the values at `pointers`: what a draft can be saved as when the server
 * refuses some values (a badly formatted number), so the rest of the answers are not lost. An
 * array element is removed from its array; the argument is left untouched.
 */
export function withoutValues(data: Data, pointers: readonly string[]): Data {
  const copy = structuredClone(data);
  // Deepest and last first, so that removing an array element moves no other target.
  const paths = pointers
    .map(pointerSegments)
    .filter((path) => path.length > 0)
    .sort(comparePaths);
  for (const path of paths) removeAt(copy, path);
  return copy;
}

function removeAt(root: unknown, path: string[]): void {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    if (!node || typeof node !== 'object') return;
    node = (node as Data)[segment];
  }
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(node) && /^\d+$/.test(last)) node.splice(Number(last), 1);
  else if (node && typeof node === 'object') delete (node as Data)[last];
}

/** Longer paths first; among siblings, higher array indexes first. */
function comparePaths(a: string[], b: string[]): number {
  if (a.length !== b.length) return b.length - a.length;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const left = Number(a[i]);
    const right = Number(b[i]);
    if (Number.isInteger(left) && Number.isInteger(right)) return right - left;
    return String(a[i]) < String(b[i]) ? 1 : -1;
  }
  return 0;
}
