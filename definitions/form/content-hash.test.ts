import { contentHash } from './content-hash';

describe('contentHash', () => {
  test('ignores key order and tells different content apart', () => {
    const a = contentHash({ b: [1, { d: null, c: 'x' }], a: true });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ a: true, b: [1, { c: 'x', d: null }] })).toBe(a);
    expect(contentHash({ a: true, b: [{ c: 'x', d: null }, 1] })).not.toBe(a);
    expect(contentHash({ a: 'true', b: [1, { c: 'x', d: null }] })).not.toBe(a);
  });

  test('refuses a circular value', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => contentHash(circular)).toThrow(TypeError);
  });
});
