import { decodePointer, encodePointer, joinPointer, valueAt } from './json-pointer';

describe('JSON pointers', () => {
  it.each([
    [[], ''],
    [['a'], '/a'],
    [['a/b', 'c~d', 0], '/a~1b/c~0d/0'],
    [[''], '/'],
  ])('encodes %j as %s and back', (segments, pointer) => {
    expect(encodePointer(segments)).toBe(pointer);
    expect(decodePointer(pointer)).toEqual(segments.map(String));
  });

  it('joins segments onto a base pointer', () => {
    expect(joinPointer('/workflow', 'states', 'a/b')).toBe('/workflow/states/a~1b');
  });

  it('reads values and gives undefined for missing steps', () => {
    const root = { a: [{ b: 1 }], n: null };
    expect(valueAt(root, '/a/0/b')).toBe(1);
    expect(valueAt(root, '/a/1/b')).toBeUndefined();
    expect(valueAt(root, '/n/x')).toBeUndefined();
    expect(valueAt(root, '')).toBe(root);
  });
});
