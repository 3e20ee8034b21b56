import fc from 'fast-check';
import type { Material } from '../matter-definition';
import { compileForm, FormCompileError, formCacheSize } from './form-validator';

const materials: Material[] = [
  { id: 'licence', title: { 'zh-CN': '营业执照', en: 'Licence' }, required: true, maxFiles: 2 },
];

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'creditCode', 'representative', 'shareholders'],
  properties: {
    name: { type: 'string', title: '企业名称', minLength: 4 },
    creditCode: { type: 'string', title: '统一社会信用代码', format: 'credit-code' },
    postalCode: { type: 'string', format: 'postal-code' },
    representative: {
      type: 'object',
      required: ['idNumber', 'mobile'],
      properties: {
        idNumber: { type: 'string', title: '身份证号码', format: 'resident-id' },
        mobile: { type: 'string', format: 'mobile' },
      },
    },
    shareholders: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['kind', 'share'],
        properties: {
          kind: { type: 'string', oneOf: [{ const: 'person' }, { const: 'company' }] },
          share: { type: 'number', exclusiveMinimum: 0 },
        },
      },
    },
    'a/b': { type: 'object', required: ['c~d'], properties: { 'c~d': { type: 'string' } } },
    licence: { title: '营业执照', material: 'licence' },
  },
};

const upload = {
  id: '9d5e7570-3715-4130-a1b6-db860aec73df',
  name: '营业执照.pdf',
  size: 1024,
  sha256: 'a'.repeat(64),
};

const valid = {
  name: '深圳市青禾数字科技有限公司',
  creditCode: '91440300MA5H7K3Q68',
  postalCode: '518057',
  representative: { idNumber: '11010519491231002X', mobile: '13912345678' },
  shareholders: [{ kind: 'person', share: 100 }],
  licence: [upload],
};

function issueCodes(data: unknown) {
  return compileForm(schema, materials)
    .validate(data)
    .map((issue) => [issue.pointer, issue.code]);
}

describe('compileForm', () => {
  test('finds no issue in valid data', () => {
    const form = compileForm(schema, materials);
    expect(form.validate(valid)).toEqual([]);
    expect(form.isValid(valid)).toBe(true);
    expect(form.validatePartial(valid)).toEqual([]);
  });

  test('exposes the schema after material expansion', () => {
    const field = (compileForm(schema, materials).schema as { properties: { licence: unknown } })
      .properties.licence;
    expect(field).toMatchObject({ type: 'array', minItems: 1, maxItems: 2, material: 'licence' });
  });

  test('reports every issue with data pointer, code and schema pointer', () => {
    const data = {
      ...valid,
      name: 42,
      creditCode: '91440300MA5H7K3Q69',
      representative: { idNumber: '110105194912310021' },
      shareholders: [{ kind: 'bank', share: 0 }],
      'a/b': {},
      extra: true,
      licence: [],
    };
    expect(compileForm(schema, materials).isValid(data)).toBe(false);
    expect(issueCodes(data)).toEqual([
      ['/extra', 'additionalProperties'],
      ['/name', 'type'],
      ['/creditCode', 'format:credit-code'],
      ['/representative/mobile', 'required'],
      ['/representative/idNumber', 'format:resident-id'],
      ['/shareholders/0/kind', 'const'],
      ['/shareholders/0/kind', 'const'],
      ['/shareholders/0/kind', 'oneOf'],
      ['/shareholders/0/share', 'exclusiveMinimum'],
      ['/a~1b/c~0d', 'required'],
      ['/licence', 'minItems'],
    ]);
  });

  test('explains domain format failures in both languages', () => {
    const issues = compileForm(schema, materials).validate({
      ...valid,
      creditCode: '91440300MA5H7K3Q69',
      representative: { idNumber: '11010519491231002X', mobile: '1391234567' },
    });
    expect(issues.map((issue) => issue.message)).toEqual([
      {
        'zh-CN': '统一社会信用代码校验位不正确',
        en: 'the check character of the unified social credit code is wrong',
      },
      { 'zh-CN': '手机号码应为11位数字', en: 'the mobile number must be 11 digits long' },
    ]);
    expect(issues[0]).toMatchObject({
      schemaPointer: '/properties/creditCode/format',
      params: { format: 'credit-code' },
    });
  });

  test('names the missing field by its title, or by its name without one', () => {
    const issues = compileForm(schema, materials).validate({
      ...valid,
      name: undefined,
      'a/b': {},
    });
    expect(issues.map((issue) => [issue.pointer, issue.message, issue.schemaPointer])).toEqual([
      ['/name', { 'zh-CN': '请填写“企业名称”', en: '"企业名称" is required' }, '/required'],
      [
        '/a~1b/c~0d',
        { 'zh-CN': '请填写“c~d”', en: '"c~d" is required' },
        '/properties/a~1b/required',
      ],
    ]);
  });

  test('finds the title of a field required by a conditional branch next to the branch', () => {
    const conditional = {
      type: 'object',
      properties: {
        kind: { type: 'string' },
        years: { type: 'integer', title: '经营年限' },
        term: { type: 'object', properties: { end: { type: 'string', title: '终止日期' } } },
      },
      if: { properties: { kind: { const: 'fixed' } }, required: ['kind'] },
      then: { required: ['years'], properties: { years: { type: 'integer', minimum: 1 } } },
      allOf: [{ anyOf: [{ required: ['term'] }, { required: ['unknown'] }] }],
    };
    const issues = compileForm(conditional, []).validate({ kind: 'fixed' });
    expect(issues.map((issue) => [issue.pointer, issue.schemaPointer, issue.message.en])).toEqual([
      ['/term', '/allOf/0/anyOf/0/required', '"term" is required'],
      ['/unknown', '/allOf/0/anyOf/1/required', '"unknown" is required'],
      ['', '/allOf/0/anyOf', 'must match a schema in anyOf'],
      ['/years', '/then/required', '"经营年限" is required'],
    ]);
  });

  test('builds messages from the data as validated, as plain data', () => {
    const data = { ...valid, creditCode: '91440300MA5H7K3Q69' };
    const [issue] = compileForm(schema, materials).validate(data);
    data.creditCode = '9144030';
    const expected = {
      'zh-CN': '统一社会信用代码校验位不正确',
      en: 'the check character of the unified social credit code is wrong',
    };
    expect(JSON.parse(JSON.stringify(issue)).message).toEqual(expected);
    expect({ ...issue }.message).toBe(issue?.message);
  });

  test('localizes the other messages with ajv-i18n and ajv', () => {
    const [issue] = compileForm(schema, materials).validate({ ...valid, name: 'abc' });
    expect(issue).toEqual({
      pointer: '/name',
      code: 'minLength',
      schemaPointer: '/properties/name/minLength',
      params: { limit: 4 },
      message: { 'zh-CN': '不应少于 4 个字符', en: 'must NOT have fewer than 4 characters' },
    });
  });

  test('validates a draft for types and formats only', () => {
    const form = compileForm(schema, materials);
    expect(form.validatePartial({})).toEqual([]);
    expect(form.validatePartial({ name: '', licence: [], shareholders: [{}] })).toEqual([]);
    const issues = form.validatePartial({
      name: 1,
      representative: { mobile: '12912345678' },
      shareholders: [{ kind: 'bank' }],
      unknown: 1,
    });
    expect(issues.map((issue) => [issue.pointer, issue.code])).toEqual([
      ['/unknown', 'additionalProperties'],
      ['/name', 'type'],
      ['/representative/mobile', 'format:mobile'],
      ['/shareholders/0/kind', 'const'],
      ['/shareholders/0/kind', 'const'],
      ['/shareholders/0/kind', 'anyOf'],
    ]);
  });

  test('returns the same object for the same content, whatever the key order', () => {
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(schema).reverse())),
    );
    expect(compileForm(reordered, [...materials])).toBe(compileForm(schema, materials));
    expect(compileForm(schema, [])).not.toBe(compileForm(schema, materials));
  });

  test('keeps at most formCacheSize forms', () => {
    const first = compileForm({ type: 'string', title: 'first' }, []);
    for (let n = 0; n < formCacheSize; n++) compileForm({ type: 'string', title: `n${n}` }, []);
    expect(compileForm({ type: 'string', title: 'first' }, [])).not.toBe(first);
  });

  test('compiles two forms with the same $id', () => {
    const one = compileForm({ $id: 'https://example.cn/f', type: 'string' }, []);
    const two = compileForm({ $id: 'https://example.cn/f', type: 'number' }, []);
    expect([one.isValid('a'), two.isValid('a')]).toEqual([true, false]);
  });

  test.each([
    [{ type: 'object', enumNames: [] }, /unknown keyword: "enumNames"/],
    [{ type: 'string', format: 'unknown' }, /unknown format/],
    [{ $ref: '#/definitions/missing' }, /can't resolve reference/],
  ])('throws FormCompileError for %j', (bad, message) => {
    let thrown: unknown;
    try {
      compileForm(bad, []);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FormCompileError);
    expect(thrown).toMatchObject({
      code: 'form_schema_invalid',
      reason: expect.stringMatching(message),
    });
  });

  test('throws FormCompileError for a circular schema', () => {
    const circular: Record<string, unknown> = { type: 'object' };
    circular.properties = { self: circular };
    expect(() => compileForm(circular, [])).toThrow(FormCompileError);
  });

  test('never throws on any JSON data', () => {
    const form = compileForm(schema, materials);
    fc.assert(
      fc.property(fc.jsonValue(), (data) => {
        expect(Array.isArray(form.validate(data))).toBe(true);
        expect(Array.isArray(form.validatePartial(data))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('never throws on JSON shaped like the form', () => {
    const form = compileForm(schema, materials);
    const keys = fc.constantFrom(...Object.keys(schema.properties), 'idNumber', 'mobile', 'kind');
    const shaped = fc.letrec((tie) => ({
      value: fc.oneof(fc.jsonValue(), tie('object'), fc.array(tie('object'), { maxLength: 3 })),
      object: fc.dictionary(keys, tie('value'), { maxKeys: 5 }),
    })).object;
    fc.assert(
      fc.property(shaped, (data) => {
        expect(Array.isArray(form.validate(data))).toBe(true);
        expect(Array.isArray(form.validatePartial(data))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
