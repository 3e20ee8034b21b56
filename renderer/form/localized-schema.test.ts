import { bilingualPart, localizeSchema, localizeUiSchema } from './localized-schema';

const schema = {
  title: '申请书',
  description: 'Application',
  properties: {
    kind: {
      type: 'string',
      title: '期限类型',
      description: 'Kind of term',
      oneOf: [{ const: 'fixed', title: '固定期限', description: 'Fixed term' }],
      default: { title: '数据', description: 'data' },
    },
    note: { type: 'string', description: 'Only a description' },
  },
};

describe('the form in one language', () => {
  it('shows English labels from the descriptions', () => {
    const english = localizeSchema(schema, 'en');
    expect(english).toMatchObject({
      title: 'Application',
      properties: {
        kind: { title: 'Kind of term', oneOf: [{ const: 'fixed', title: 'Fixed term' }] },
        note: { description: 'Only a description' },
      },
    });
    expect(english).not.toHaveProperty('description');
  });

  it('keeps the Chinese titles without the English descriptions', () => {
    const chinese = localizeSchema(schema, 'zh-CN') as typeof schema;
    expect(chinese.title).toBe('申请书');
    expect(chinese.properties.kind).not.toHaveProperty('description');
    expect(chinese.properties.kind.oneOf[0]).toEqual({ const: 'fixed', title: '固定期限' });
    expect(chinese.properties.kind.default).toEqual({ title: '数据', description: 'data' });
  });

  it('picks each half of the uiSchema’s bilingual texts', () => {
    const ui = {
      'ui:steps': [{ title: { 'zh-CN': '住所', en: 'Premises' }, fields: [] }],
      a: { 'ui:help': '单位：万元 / In units of 10,000', 'ui:placeholder': '街道' },
    };
    expect(localizeUiSchema(ui, 'en')).toEqual({
      'ui:steps': ui['ui:steps'],
      a: { 'ui:help': 'In units of 10,000', 'ui:placeholder': '街道' },
    });
    expect(localizeUiSchema(ui, 'zh-CN')).toMatchObject({ a: { 'ui:help': '单位：万元' } });
    expect(bilingualPart('PDF / 图片 / images', 'en')).toBe('图片 / images');
  });
});
