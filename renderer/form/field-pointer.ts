/**
 * JSON pointers into the application data (what the API's error details and correction requests
 * name) and the element ids rjsf gives the fields that hold them. rjsf joins an id prefix and the
 * data path with a separator; `.` keeps ids apart from rjsf's own `__error`, `__help` suffixes,
 * which an `_` separator could run into.
 */
export const fieldIdPrefix = 'answer';
export const fieldIdSeparator = '.';

/** The unescaped segments of a pointer: `/shareholders/0/name` → `shareholders`, `0`, `name`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer of a path of property names and array indexes. */
export function pointerOf(path: readonly (string | number)[]): string {
  return path
    .map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** The id of the element rjsf renders for the value at `pointer`. */
export function fieldIdOf(pointer: string): string {
  return [fieldIdPrefix, ...pointerSegments(pointer)].join(fieldIdSeparator);
}

/** The top-level property a pointer is under, or undefined for the whole form. */
export function topFieldOf(pointer: string): string | undefined {
  return pointerSegments(pointer)[0];
}

/** True when `pointer` is `ancestor` or lies inside it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

/**
 * The ids to try, in order, to put the focus on the field of `pointer`: its own id, the first
 * option of a radio group, then the ids of the objects holding it (a missing nested field has
 * no element of its own until its object is drawn).
 */
export function focusCandidates(pointer: string): string[] {
  const segments = pointerSegments(pointer);
  const candidates: string[] = [];
  for (let length = segments.length; length >= 0; length--) {
    const id = [fieldIdPrefix, ...segments.slice(0, length)].join(fieldIdSeparator);
    candidates.push(id, `${id}-0`);
  }
  return candidates;
}
