import { previewSchema, previewUiSchema } from './preview-schema';

describe('previewSchema', () => {
  it('turns material fields, raw or expanded, into one file chooser with their words', () => {
    const schema = {
      type: 'object',
      required: ['articles'],
      properties: {
        name: { type: 'string', title: '名称' },
        articles: { title: '公司章程', description: 'Articles', material: 'articles' },
        proof: {
          title: '证明',
          material: 'proof',
          type: 'array',
          maxItems: 2,
          items: { type: 'object', required: ['sha256'] },
        },
        people: {
          type: 'array',
          items: { type: 'object', properties: { id: { title: '证件', material: 'idCopy' } } },
        },
      },
    };
    const preview = previewSchema(schema);
    expect(preview).toEqual({
      type: 'object',
      required: ['articles'],
      properties: {
        name: { type: 'string', title: '名称' },
        articles: {
          type: 'string',
          format: 'data-url',
          title: '公司章程',
          description: 'Articles',
        },
        proof: { type: 'string', format: 'data-url', title: '证明' },
        people: {
          type: 'array',
          items: {
            type: 'object',
            properties: { id: { type: 'string', format: 'data-url', title: '证件' } },
          },
        },
      },
    });
    expect(schema.properties.articles).toHaveProperty('material', 'articles');
  });
});

describe('previewUiSchema', () => {
  it('keeps the uiSchema and leaves the submit button out', () => {
    expect(previewUiSchema({ 'ui:order': ['a'] })).toEqual({
      'ui:order': ['a'],
      'ui:submitButtonOptions': { norender: true },
    });
  });

  it('drops ui:autofocus at any depth, so the preview never takes the focus', () => {
    const uiSchema = {
      name: { 'ui:autofocus': true },
      people: { items: { id: { 'ui:autofocus': true } } },
    };
    expect(previewUiSchema(uiSchema)).toEqual({
      name: {},
      people: { items: { id: {} } },
      'ui:submitButtonOptions': { norender: true },
    });
  });
});
