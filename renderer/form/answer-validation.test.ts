import sample from '../../examples/matters/commercial-entity-establishment/samples/valid.json';
import { exampleMatter } from '../../test/support/example-matter';
import { validateAnswers, fieldLabel, titleAt, type ValidationWords } from './answer-validation';
import { buildMatterForm } from './matter-form';

const words: ValidationWords = {
  required: (field) => `required ${field}`,
  accept: (field) => `accept ${field}`,
  choose: (field) => `choose ${field}`,
  format: (format, problem) => `${format} ${problem}`,
};

const zh = buildMatterForm(exampleMatter(), 'zh-CN');
const en = buildMatterForm(exampleMatter(), 'en');

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('validateAnswers', () => {
  it('finds nothing wrong with the sample application', () => {
    expect(validateAnswers(zh.validator, zh.schema, sample, words)).toEqual([]);
  });

  it('names a missing answer at its own pointer by its title in the language', () => {
    const data = copy(sample) as Record<string, unknown>;
    delete data.companyName;
    (data.address as Record<string, unknown>).postalCode = undefined;
    expect(validateAnswers(zh.validator, zh.schema, data, words)).toEqual([
      { pointer: '/companyName', message: 'required 企业名称' },
      { pointer: '/address/postalCode', message: 'required 邮政编码' },
    ]);
    expect(validateAnswers(en.validator, en.schema, data, words)[0]).toEqual({
      pointer: '/companyName',
      message: 'required Company name',
    });
  });

  it('says what is wrong with a domain format, inside array items and their conditions', () => {
    const data = copy(sample);
    data.shareholders[2]!.idNumber = '91440300MA5H7K3Q69';
    data.shareholders[0]!.idNumber = '440305198806123016';
    data.legalRepresentative.mobile = '1391234567';
    expect(validateAnswers(zh.validator, zh.schema, data, words)).toEqual([
      { pointer: '/legalRepresentative/mobile', message: 'mobile length' },
      { pointer: '/shareholders/0/idNumber', message: 'resident-id check-digit' },
      { pointer: '/shareholders/2/idNumber', message: 'credit-code check-digit' },
    ]);
  });

  it('asks for the declaration to be ticked and for conditional fields by their title', () => {
    const data = copy(sample) as Record<string, unknown>;
    delete data.declaration;
    data.operatingTerm = { kind: 'fixed' };
    data.foreignInvestment = { isForeignInvested: true };
    const found = validateAnswers(zh.validator, zh.schema, data, words);
    expect(found).toEqual(
      expect.arrayContaining([
        { pointer: '/declaration', message: 'accept 本企业承诺所填内容及提交材料真实、合法、有效' },
        { pointer: '/operatingTerm/years', message: 'required 经营年限（年）' },
        {
          pointer: '/foreignInvestment/investorCountry',
          message: 'required 外国投资者国别（地区）',
        },
      ]),
    );
    expect(found.map((error) => error.pointer)).not.toContain('/operatingTerm');
  });

  it('keeps Ajv’s message, translated to Chinese, for other keywords', () => {
    const data = copy(sample);
    data.companyName = '青禾';
    const [error] = validateAnswers(zh.validator, zh.schema, data, words);
    expect(error?.pointer).toBe('/companyName');
    expect(error?.message).toMatch(/不应少于 4 个字符/);
    const [english] = validateAnswers(en.validator, en.schema, data, words);
    expect(english?.message).toMatch(/must NOT have fewer than 4 characters/);
  });

  it('validates one step with its own schema, ignoring the other steps', () => {
    const index = zh.steps.findIndex((step) => step.fields.includes('shareholders'));
    const found = validateAnswers(
      zh.validator,
      zh.stepSchemas[index]!,
      { shareholders: [] },
      words,
    );
    expect(found).toEqual([{ pointer: '/shareholders', message: expect.stringMatching(/1/) }]);
  });
});

describe('field titles and labels', () => {
  it('finds titles of nested, conditional and array fields', () => {
    expect(titleAt(zh.schema, '/address/postalCode')).toBe('邮政编码');
    expect(titleAt(zh.schema, '/operatingTerm/years')).toBe('经营年限（年）');
    expect(titleAt(zh.schema, '/shareholders/1/idNumber')).toBe('证照号码');
    expect(titleAt(zh.schema, '/unknown')).toBe('unknown');
  });

  it('labels a field with the titles above it and an item number', () => {
    expect(fieldLabel(zh.schema, '/shareholders/1/idNumber')).toBe('股东 2 · 证照号码');
    expect(fieldLabel(en.schema, '/address/postalCode')).toBe('Registered address · Postal code');
    expect(fieldLabel(zh.schema, '/alternateNames/0')).toBe('备选名称 1');
    expect(fieldLabel(zh.schema, '')).toBe('');
  });
});
