import { createFormAjv } from '../../form/form-ajv';
import { metaSchemaProblems, strictModeProblems } from './form-schema-strict';

/** Schemas on both sides of strict mode; the linter must judge each as a real compile does. */
const schemas: [name: string, schema: object][] = [
  ['a plain object form', { type: 'object', properties: { a: { type: 'string', maxLength: 3 } } }],
  ['an unknown keyword', { type: 'object', properties: { a: { type: 'string', maxlength: 3 } } }],
  ['an unknown format', { type: 'string', format: 'phone' }],
  ['a domain format', { type: 'string', format: 'resident-id' }],
  ['an ajv-formats format', { type: 'string', format: 'email' }],
  ['properties without type', { properties: { a: { type: 'string' } } }],
  ['minLength without type', { type: 'object', properties: { a: { minLength: 1 } } }],
  ['minimum on an integer', { type: 'integer', minimum: 1 }],
  ['a nullable type', { type: ['string', 'null'], maxLength: 3 }],
  ['a union type', { type: ['string', 'number'] }],
  ['a type the context forbids', { type: 'object', allOf: [{ type: 'string' }] }],
  [
    'an in-place branch using the parent type',
    { type: 'object', if: { properties: { a: { const: 1 } } }, then: { required: ['a'] } },
  ],
  ['a half tuple', { type: 'array', items: [{ type: 'string' }, { type: 'number' }] }],
  [
    'a full tuple',
    { type: 'array', items: [{ type: 'string' }], minItems: 1, additionalItems: false },
  ],
  ['a material field', { type: 'object', properties: { doc: { title: 'Doc', material: 'doc' } } }],
  ['the id keyword', { $id: 'x', type: 'object', properties: { a: { id: 'a', type: 'string' } } }],
  ['a wrong keyword value', { type: 'object', properties: { a: { type: 'strin' } } }],
  ['a negative minLength', { type: 'string', minLength: -1 }],
  [
    'annotations',
    { type: 'string', title: 'T', description: 'D', default: 'x', examples: ['y'], $comment: 'c' },
  ],
  [
    'oneOf of consts',
    {
      type: 'string',
      oneOf: [
        { const: 'a', title: 'A' },
        { const: 'b', title: 'B' },
      ],
    },
  ],
  [
    'a definition used by $ref',
    {
      type: 'object',
      properties: { a: { $ref: '#/definitions/a' } },
      definitions: { a: { type: 'string', minLength: 1 } },
    },
  ],
  [
    'a bad definition used by $ref',
    {
      type: 'object',
      properties: { a: { $ref: '#/definitions/a' } },
      definitions: { a: { minLength: 1 } },
    },
  ],
];

function compiles(schema: object): boolean {
  try {
    createFormAjv().compile(schema);
    return true;
  } catch {
    return false;
  }
}

describe.each(schemas)('%s', (_name, schema) => {
  it('is refused by the linter exactly when strict ajv refuses it', () => {
    const problems = [...metaSchemaProblems(schema), ...strictModeProblems(schema)];
    expect(problems.length === 0).toBe(compiles(schema));
  });
});
