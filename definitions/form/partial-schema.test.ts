import { toPartialSchema } from './partial-schema';

describe('toPartialSchema', () => {
  test.each([
    [
      'removes completeness keywords at every level',
      {
        type: 'object',
        required: ['a'],
        minProperties: 1,
        properties: {
          a: { type: 'string', minLength: 2, maxLength: 5, format: 'mobile' },
          list: { type: 'array', minItems: 1, contains: { const: 1 }, items: { required: ['x'] } },
        },
        additionalProperties: { type: 'object', required: ['y'] },
        patternProperties: { '^p': { type: 'object', required: ['z'] } },
      },
      {
        type: 'object',
        properties: {
          a: { type: 'string', maxLength: 5, format: 'mobile' },
          list: { type: 'array', items: {} },
        },
        additionalProperties: { type: 'object' },
        patternProperties: { '^p': { type: 'object' } },
      },
    ],
    [
      'keeps schema dependencies and drops property ones',
      { dependencies: { a: ['b'], c: { required: ['d'], properties: { d: { type: 'string' } } } } },
      { dependencies: { c: { properties: { d: { type: 'string' } } } } },
    ],
    [
      'turns oneOf into anyOf, next to an existing anyOf too',
      { oneOf: [{ required: ['a'] }, { required: ['b'] }], anyOf: [{ type: 'object' }] },
      { anyOf: [{ type: 'object' }], allOf: [{ anyOf: [{}, {}] }] },
    ],
    [
      'keeps if and not whole but relaxes then and else',
      {
        if: { required: ['a'] },
        then: { required: ['b'] },
        else: { required: ['c'] },
        not: { required: ['d'] },
      },
      { if: { required: ['a'] }, then: {}, else: {}, not: { required: ['d'] } },
    ],
  ])('%s', (_, schema, expected) => {
    const before = JSON.stringify(schema);
    expect(toPartialSchema(schema)).toEqual(expected);
    expect(JSON.stringify(schema)).toBe(before);
  });

  test('leaves boolean schemas and $ref alone', () => {
    expect(toPartialSchema(true)).toBe(true);
    const schema = { $ref: '#/definitions/a', definitions: { a: { required: ['x'] } } };
    expect(toPartialSchema(schema)).toEqual({ $ref: '#/definitions/a', definitions: { a: {} } });
  });
});
