import { JsonDocument, jsonLimits } from './json-document';

describe('JsonDocument', () => {
  const text = '{\n  "a": {\n    "b": [1, {"c": "x"}]\n  },\n  "d/e": true\n}\n';

  it('parses valid JSON to its value', () => {
    const document = new JsonDocument(text);
    expect(document.ok).toBe(true);
    expect(document.value).toEqual({ a: { b: [1, { c: 'x' }] }, 'd/e': true });
  });

  it.each([
    ['', 1, 1],
    ['/a', 2, 8],
    ['/a/b/1/c', 3, 20],
    ['/d~1e', 5, 10],
    ['/a/b/7', 3, 10],
    ['/missing/deeper', 1, 1],
  ])('locates %s at line %i column %i', (pointer, line, column) => {
    expect(new JsonDocument(text).locate(pointer)).toEqual({ line, column });
  });

  it('locates a key rather than its value', () => {
    expect(new JsonDocument(text).locateKey('/a/b')).toEqual({ line: 3, column: 5 });
  });

  it('reports every syntax error with its offset instead of throwing', () => {
    const document = new JsonDocument('{"a": 1,, "b": }');
    expect(document.ok).toBe(false);
    expect(document.value).toBeUndefined();
    expect(document.problems.length).toBeGreaterThan(1);
    expect(document.problems.every((p) => p.code === 'json-syntax')).toBe(true);
  });

  it('refuses comments and trailing commas, which JSON does not allow', () => {
    expect(new JsonDocument('{"a": 1, // note\n}').ok).toBe(false);
    expect(new JsonDocument('[1, 2,]').ok).toBe(false);
  });

  it('refuses an empty file', () => {
    expect(new JsonDocument('  ').problems[0]?.code).toBe('json-syntax');
  });

  it('refuses nesting 100,000 deep before parsing, without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const document = new JsonDocument(deep);
    expect(document.problems).toEqual([
      expect.objectContaining({ code: 'json-too-deep', offset: jsonLimits.maxDepth }),
    ]);
  });

  it('does not count brackets inside strings as nesting', () => {
    const document = new JsonDocument(JSON.stringify({ s: '['.repeat(1000) + '\\"{' }));
    expect(document.ok).toBe(true);
  });

  it('refuses text with NUL bytes as binary', () => {
    expect(new JsonDocument('{"a":\u0000}').problems[0]?.code).toBe('file-not-text');
  });

  it('refuses text over the size limit unparsed', () => {
    const big = `"${'x'.repeat(jsonLimits.maxBytes)}"`;
    expect(new JsonDocument(big).problems[0]?.code).toBe('file-too-large');
  });
});
