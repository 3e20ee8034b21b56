import { createFormAjv, domainFormatNames } from './form-ajv';

describe('createFormAjv', () => {
  test('ships the four domain formats', () => {
    expect(domainFormatNames).toEqual(['resident-id', 'credit-code', 'mobile', 'postal-code']);
    const ajv = createFormAjv();
    const cases: [string, string, string][] = [
      ['resident-id', '11010519491231002X', '110105194912310021'],
      ['credit-code', '91350100M000100Y43', '91350100M000100Y44'],
      ['mobile', '13912345678', '12912345678'],
      ['postal-code', '010000', '900000'],
    ];
    for (const [format, good, bad] of cases) {
      const validate = ajv.compile({ type: 'string', format });
      expect([validate(good), validate(bad)]).toEqual([true, false]);
    }
  });

  test('keeps the ajv-formats formats', () => {
    const validate = createFormAjv().compile({ type: 'string', format: 'email' });
    expect([validate('a@example.cn'), validate('not an address')]).toEqual([true, false]);
  });

  test.each([
    [{ type: 'object', enumNames: ['a'] }, /unknown keyword: "enumNames"/],
    [{ type: 'string', format: 'no-such-format' }, /unknown format "no-such-format"/],
    [
      { type: 'object', properties: { a: { type: 'strin' } } },
      /must be equal to one of the allowed values/,
    ],
    [{ type: 'object', material: 1 }, /material/],
  ])('refuses %j', (schema, message) => {
    expect(() => createFormAjv().compile(schema)).toThrow(message);
  });

  test('accepts the material keyword and conditional required names', () => {
    const schema = {
      type: 'object',
      properties: { foreign: { type: 'boolean' }, licence: { title: 'Licence', material: 'l' } },
      if: { properties: { foreign: { const: true } } },
      then: { required: ['licence'] },
    };
    const validate = createFormAjv().compile(schema);
    expect([validate({ foreign: false }), validate({ foreign: true })]).toEqual([true, false]);
  });

  test('returns a new instance on every call', () => {
    const schema = { $id: 'https://example.cn/form', type: 'string' };
    createFormAjv().compile(schema);
    expect(() => createFormAjv().compile(schema)).not.toThrow();
  });
});
