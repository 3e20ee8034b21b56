import { exampleMatter } from '../../test/support/example-matter';
import { buildMatterForm, initialAnswers, withMaterialFields } from './matter-form';

describe('buildMatterForm', () => {
  const form = buildMatterForm(exampleMatter(), 'zh-CN');

  it('draws every material field with the upload field', () => {
    const materialFields = Object.entries(form.uiSchema)
      .filter(([, ui]) => (ui as Record<string, unknown>)['ui:field'] === 'material')
      .map(([name]) => name);
    expect(materialFields.sort()).toEqual(
      [
        'articlesOfAssociation',
        'shareholderQualification',
        'premisesProof',
        'legalRepAppointment',
        'foreignInvestmentApproval',
      ].sort(),
    );
    expect(form.uiSchema.premisesProof).toMatchObject({ 'ui:help': '产权证明或租赁合同' });
  });

  it('finds material fields inside objects and array items, keeping an author’s field', () => {
    const schema = {
      properties: {
        group: { properties: { proof: { material: 'm' } } },
        list: { items: { properties: { scan: { material: 'n' } } } },
        own: { material: 'o' },
      },
    };
    expect(withMaterialFields({ own: { 'ui:field': 'mine' } }, schema)).toEqual({
      group: { proof: { 'ui:field': 'material' } },
      list: { items: { scan: { 'ui:field': 'material' } } },
      own: { 'ui:field': 'mine' },
    });
  });

  it('fills defaults into the answers but never an empty file into a material', () => {
    const answers = initialAnswers(form, { companyName: '深圳市青禾' });
    expect(answers).toMatchObject({
      companyName: '深圳市青禾',
      currency: 'CNY',
      foreignInvestment: { isForeignInvested: false },
      shareholders: [{}],
    });
    expect(answers.articlesOfAssociation ?? []).toEqual([]);
  });

  it('builds one schema and uiSchema for each step', () => {
    expect(form.stepSchemas).toHaveLength(8);
    expect(form.stepSchemas[4]).toMatchObject({ title: '股东', required: ['shareholders'] });
    expect(form.stepUiSchemas[6]?.['ui:order']).toContain('premisesProof');
  });
});
