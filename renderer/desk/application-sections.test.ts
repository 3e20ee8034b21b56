import { correctableFields, dataSections, displayValue } from './application-sections';

const schema = {
  title: '申请书',
  type: 'object',
  definitions: {
    address: {
      type: 'object',
      properties: { city: { type: 'string', title: '城市' }, detail: { title: '详细地址' } },
    },
  },
  properties: {
    companyName: { type: 'string', title: '企业名称' },
    entityType: {
      type: 'string',
      title: '企业类型',
      oneOf: [
        { const: 'llc', title: '有限责任公司' },
        { const: 'jsc', title: '股份有限公司' },
      ],
    },
    address: { $ref: '#/definitions/address', title: '住所' },
    shareholders: {
      type: 'array',
      title: '股东',
      items: { type: 'object', properties: { name: { title: '姓名' } } },
    },
    articles: { type: 'array', title: '公司章程', items: { type: 'object' } },
    declaration: { type: 'boolean', title: '承诺' },
    remarks: { type: 'string', title: '备注' },
  },
};

const uiSchema = {
  'ui:steps': [
    { title: { 'zh-CN': '名称', en: 'Name' }, fields: ['entityType', 'companyName', 'nowhere'] },
    { title: { 'zh-CN': '住所', en: 'Premises' }, fields: ['address', 'companyName'] },
  ],
  address: { 'ui:order': ['detail', '*'] },
};

const data = {
  companyName: '深圳市某某科技有限公司',
  entityType: 'llc',
  address: { city: '深圳市', detail: '福田区 1 号' },
  shareholders: [{ name: '张三' }, { name: '李四' }],
  articles: [{ id: 'f1', name: '章程.pdf', size: 1024, sha256: 'a'.repeat(64) }],
  declaration: true,
  legacy: 'kept',
};

describe('dataSections', () => {
  const sections = dataSections(schema, uiSchema, data);

  it('groups fields by the steps, each field once, the rest in an untitled section', () => {
    expect(sections.map((s) => [s.title, s.fields.map((f) => f.name)])).toEqual([
      [{ 'zh-CN': '名称', en: 'Name' }, ['entityType', 'companyName']],
      [{ 'zh-CN': '住所', en: 'Premises' }, ['address']],
      [null, ['shareholders', 'articles', 'declaration', 'remarks', 'legacy']],
    ]);
  });

  it('gives each field its pointer and title and resolves option titles', () => {
    expect(sections[0]!.fields[0]).toEqual({
      name: 'entityType',
      pointer: '/entityType',
      title: '企业类型',
      value: { kind: 'text', text: '有限责任公司' },
    });
    expect(sections[2]!.fields.find((f) => f.name === 'legacy')?.title).toBe('legacy');
    expect(sections[2]!.fields.find((f) => f.name === 'remarks')?.value).toEqual({
      kind: 'empty',
    });
  });

  it('follows $ref into groups and keeps the nested ui:order', () => {
    expect(sections[1]!.fields[0]!.value).toEqual({
      kind: 'group',
      fields: [
        { title: '详细地址', value: { kind: 'text', text: '福田区 1 号' } },
        { title: '城市', value: { kind: 'text', text: '深圳市' } },
      ],
    });
  });

  it('recognises uploaded files, lists and booleans', () => {
    const byName = Object.fromEntries(sections[2]!.fields.map((f) => [f.name, f.value]));
    expect(byName.articles).toEqual({
      kind: 'files',
      files: [{ id: 'f1', name: '章程.pdf', size: 1024 }],
    });
    expect(byName.shareholders).toMatchObject({ kind: 'list', items: [{ kind: 'group' }, {}] });
    expect(byName.declaration).toEqual({ kind: 'boolean', value: true });
  });

  it('keeps ui:order for a form without steps', () => {
    const plain = dataSections(schema, { 'ui:order': ['remarks', '*', 'companyName'] }, null);
    expect(plain).toHaveLength(1);
    expect(plain[0]!.title).toBeNull();
    expect(plain[0]!.fields.map((f) => f.name)).toEqual([
      'remarks',
      'entityType',
      'address',
      'shareholders',
      'articles',
      'declaration',
      'companyName',
    ]);
  });
});

describe('correctableFields', () => {
  it('lists every top-level field with its pointer, in step order', () => {
    const fields = correctableFields(schema, uiSchema);
    expect(fields.slice(0, 3)).toEqual([
      {
        name: 'entityType',
        pointer: '/entityType',
        title: '企业类型',
        step: uiSchema['ui:steps'][0]!.title,
      },
      {
        name: 'companyName',
        pointer: '/companyName',
        title: '企业名称',
        step: uiSchema['ui:steps'][0]!.title,
      },
      { name: 'address', pointer: '/address', title: '住所', step: uiSchema['ui:steps'][1]!.title },
    ]);
    expect(fields).toHaveLength(9);
  });

  it('follows a group with its properties, so one value of it can be named', () => {
    const fields = correctableFields(schema, uiSchema).filter((f) => f.name.startsWith('address'));
    expect(fields.map(({ pointer, title }) => ({ pointer, title }))).toEqual([
      { pointer: '/address', title: '住所' },
      { pointer: '/address/city', title: '住所 · 城市' },
      { pointer: '/address/detail', title: '住所 · 详细地址' },
    ]);
  });

  it('names a list as a whole, not its items', () => {
    const names = correctableFields(schema, uiSchema).map((field) => field.name);
    expect(names).toContain('shareholders');
    expect(names.filter((name) => name.startsWith('shareholders.'))).toEqual([]);
  });

  it('escapes ~ and / in a field name as a JSON pointer does', () => {
    const odd = { properties: { 'a/b~c': { title: 'odd' } } };
    expect(correctableFields(odd, {})[0]?.pointer).toBe('/a~1b~0c');
  });
});

describe('displayValue', () => {
  it('shows numbers and plain strings as text, and empty values as empty', () => {
    expect(displayValue({ type: 'number' }, 0)).toEqual({ kind: 'text', text: '0' });
    expect(displayValue({}, '')).toEqual({ kind: 'empty' });
    expect(displayValue({}, [])).toEqual({ kind: 'empty' });
  });
});
