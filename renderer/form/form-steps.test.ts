import { exampleMatter } from '../../test/support/example-matter';
import {
  formSteps,
  orderedFields,
  stepData,
  stepOfPointer,
  stepSchema,
  stepUiSchema,
  withStepData,
} from './form-steps';

const matter = exampleMatter();

describe('formSteps', () => {
  it('takes the steps of ui:steps, every top-level field in one of them', () => {
    const steps = formSteps(matter.schema, matter.uiSchema);
    expect(steps).toHaveLength(8);
    expect(steps[0]).toEqual({
      title: { 'zh-CN': '名称与类型', en: 'Name and type' },
      fields: ['companyName', 'alternateNames', 'entityType', 'industryCode'],
    });
    const fields = steps.flatMap((step) => step.fields).sort();
    expect(fields).toEqual(Object.keys(matter.schema.properties as object).sort());
  });

  it('asks fields no step names in a last step, and each field once', () => {
    const schema = { type: 'object', properties: { a: {}, b: {}, c: {} } };
    const ui = {
      'ui:steps': [
        { title: 'one', fields: ['a', 'ghost'] },
        { title: 'two', fields: ['a'] },
        'broken',
      ],
    };
    expect(formSteps(schema, ui)).toEqual([
      { title: 'one', fields: ['a'] },
      { title: null, fields: ['b', 'c'] },
    ]);
  });

  it('makes one step of a form without ui:steps, in ui:order order', () => {
    const schema = { type: 'object', title: 'Form', properties: { a: {}, b: {}, c: {} } };
    expect(formSteps(schema, { 'ui:order': ['c', '*'] })).toEqual([
      { title: 'Form', fields: ['c', 'a', 'b'] },
    ]);
    expect(orderedFields(['a', 'b', 'c'], ['b'])).toEqual(['b', 'a', 'c']);
  });

  it('finds the step of a pointer, the first for the whole form', () => {
    const steps = formSteps(matter.schema, matter.uiSchema);
    expect(stepOfPointer(steps, '/shareholders/2/idNumber')).toBe(4);
    expect(stepOfPointer(steps, '/declaration')).toBe(7);
    expect(stepOfPointer(steps, '')).toBe(0);
    expect(stepOfPointer(steps, '/unknown')).toBe(0);
  });
});

describe('a step of the form', () => {
  const steps = formSteps(matter.schema, matter.uiSchema);
  const premises = steps[2]!;

  it('has a schema of its own fields and required names, without cross-step conditions', () => {
    const schema = stepSchema({ ...matter.schema, if: {}, then: {} }, premises, '住所');
    expect(Object.keys(schema.properties as object)).toEqual([
      'address',
      'premisesUse',
      'premisesArea',
    ]);
    expect(schema.required).toEqual(['address', 'premisesUse']);
    expect(schema).toMatchObject({ type: 'object', title: '住所', additionalProperties: false });
    expect(schema).not.toHaveProperty('if');
    expect(schema).not.toHaveProperty('description');
  });

  it('has a uiSchema of its fields in step order, without ui:steps', () => {
    const ui = stepUiSchema(matter.uiSchema, premises);
    expect(ui['ui:order']).toEqual(['address', 'premisesUse', 'premisesArea']);
    expect(ui).toHaveProperty('premisesUse', { 'ui:widget': 'radio' });
    expect(ui).not.toHaveProperty('ui:steps');
    expect(ui).not.toHaveProperty('companyName');
  });

  it('edits its part of the data, removing what it clears', () => {
    const data = { companyName: 'x', address: { city: 'y' }, premisesArea: 3 };
    expect(stepData(data, premises)).toEqual({ address: { city: 'y' }, premisesArea: 3 });
    const edited = withStepData(data, premises, { premisesUse: 'owned', address: undefined });
    expect(edited).toEqual({ companyName: 'x', premisesUse: 'owned' });
  });
});
