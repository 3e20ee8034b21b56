import type { Material } from '../matter-definition';
import { valueAt } from '../source/json-pointer';
import { expandMaterialFields, findMaterialFields } from './material-fields';

function material(id: string, extra: Partial<Material> = {}): Material {
  return { id, title: { 'zh-CN': id, en: id }, required: false, ...extra };
}

const schema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string' },
    licence: { title: '营业执照', description: 'Business licence', material: 'licence' },
    photos: { title: '照片', material: 'photos', maxItems: 9 },
    owners: {
      type: 'array',
      items: { type: 'object', properties: { id: { title: 'ID copy', material: 'idCopy' } } },
    },
  },
  if: { properties: { foreign: { const: true } } },
  then: { properties: { approval: { material: 'approval' } } },
  definitions: { proof: { material: 'proof' }, other: { $ref: '#/definitions/proof' } },
  allOf: [{ properties: { a: { material: 'a' } } }],
  dependencies: { name: { properties: { b: { material: 'b' } } }, x: ['name'] },
};

describe('findMaterialFields', () => {
  test('lists every material field with its schema pointer, depth first', () => {
    expect(findMaterialFields(schema)).toEqual([
      { materialId: 'licence', pointer: '/properties/licence' },
      { materialId: 'photos', pointer: '/properties/photos' },
      { materialId: 'idCopy', pointer: '/properties/owners/items/properties/id' },
      { materialId: 'proof', pointer: '/definitions/proof' },
      { materialId: 'b', pointer: '/dependencies/name/properties/b' },
      { materialId: 'a', pointer: '/allOf/0/properties/a' },
      { materialId: 'approval', pointer: '/then/properties/approval' },
    ]);
  });

  test('escapes pointer segments and copes with non-schemas and shared or circular objects', () => {
    const field = { material: 'm' };
    const circular: Record<string, unknown> = { properties: { 'a/b': field, 'c~d': field } };
    (circular.properties as Record<string, unknown>).self = circular;
    expect(findMaterialFields(circular)).toEqual([
      { materialId: 'm', pointer: '/properties/a~1b' },
      { materialId: 'm', pointer: '/properties/c~0d' },
    ]);
    expect(findMaterialFields(true)).toEqual([]);
    expect(findMaterialFields({ properties: [], items: 'x', allOf: {} })).toEqual([]);
  });
});

describe('expandMaterialFields', () => {
  const materials = [
    material('licence', { required: true, maxFiles: 2, maxSize: 1024 }),
    material('photos', { maxFiles: 3 }),
    material('idCopy', { required: true }),
  ];

  test('turns a field into an array of uploaded-file references, keeping what the author wrote', () => {
    const expanded = expandMaterialFields(schema, materials);
    const licence = valueAt(expanded, '/properties/licence');
    expect(licence).toMatchObject({
      type: 'array',
      minItems: 1,
      maxItems: 2,
      title: '营业执照',
      description: 'Business licence',
      material: 'licence',
    });
    expect(valueAt(licence, '/items')).toEqual({
      type: 'object',
      required: ['id', 'name', 'size', 'sha256'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: { type: 'string' },
        size: { type: 'integer', minimum: 0, maximum: 1024 },
        sha256: { type: 'string', pattern: '^[a-f0-9]{64}$' },
      },
      additionalProperties: false,
    });
    expect(valueAt(expanded, '/properties/photos/maxItems')).toBe(9);
    expect(valueAt(expanded, '/properties/photos/minItems')).toBeUndefined();
  });

  test('makes a required material required where it sits, and defaults an unknown one', () => {
    const expanded = expandMaterialFields(schema, materials);
    expect(valueAt(expanded, '/required')).toEqual(['name', 'licence']);
    expect(valueAt(expanded, '/properties/owners/items/required')).toEqual(['id']);
    expect(valueAt(expanded, '/then/properties/approval')).toMatchObject({
      type: 'array',
      maxItems: 1,
    });
    expect(valueAt(expanded, '/then/properties/approval/minItems')).toBeUndefined();
    expect(valueAt(expanded, '/definitions/proof/type')).toBe('array');
    expect(valueAt(expanded, '/definitions/other')).toEqual({ $ref: '#/definitions/proof' });
    expect(valueAt(expanded, '/dependencies/x')).toEqual(['name']);
  });

  test('returns a new schema and leaves the argument as it was', () => {
    const before = JSON.stringify(schema);
    const expanded = expandMaterialFields(schema, materials);
    expect(JSON.stringify(schema)).toBe(before);
    expect(expanded).not.toBe(schema);
    expect(expandMaterialFields({ type: 'string' }, materials)).toEqual({ type: 'string' });
    expect(expandMaterialFields(false, materials)).toBe(false);
  });

  test('terminates on a circular schema', () => {
    const circular: Record<string, unknown> = { properties: { f: { material: 'licence' } } };
    (circular.properties as Record<string, unknown>).self = circular;
    const expanded = expandMaterialFields(circular, materials);
    expect(valueAt(expanded, '/properties/f/type')).toBe('array');
  });
});
