import sample from '../../examples/matters/commercial-entity-establishment/samples/valid.json';
import { exampleMatter } from '../../test/support/example-matter';
import { type AnswerRow, answerGroups } from './answer-rows';
import { buildMatterForm } from './matter-form';

const words = { yes: 'yes', no: 'no', empty: '(empty)', separator: ', ' };

function rowsOf(locale: 'zh-CN' | 'en', data: Record<string, unknown>) {
  const form = buildMatterForm(exampleMatter(), locale);
  return answerGroups(form.resolve, form.schema, form.uiSchema, form.steps, data, words);
}

function row(rows: AnswerRow[], pointer: string) {
  return rows.find((candidate) => candidate.pointer === pointer);
}

describe('answerGroups (check your answers)', () => {
  const groups = rowsOf('zh-CN', sample);
  const all = groups.flatMap((group) => group.rows);

  it('lists the answers by step, in the order the form asks them', () => {
    expect(groups.map((group) => group.stepIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(groups[0]?.rows.map((r) => r.pointer)).toEqual([
      '/companyName',
      '/alternateNames',
      '/entityType',
      '/industryCode',
    ]);
    expect(groups[2]?.rows.map((r) => r.pointer).slice(0, 5)).toEqual([
      '/address/province',
      '/address/city',
      '/address/district',
      '/address/detail',
      '/address/postalCode',
    ]);
  });

  it('shows option titles, lists, yes and no, and file names', () => {
    expect(row(all, '/entityType')?.value).toBe('有限责任公司');
    expect(row(all, '/alternateNames')?.value).toBe(
      '深圳市青禾信息技术有限公司, 深圳市禾苗数字科技有限公司',
    );
    expect(row(all, '/foreignInvestment/isForeignInvested')?.value).toBe('no');
    expect(row(all, '/declaration')?.value).toBe('yes');
    expect(row(all, '/articlesOfAssociation')).toMatchObject({
      label: ['公司章程'],
      value: '公司章程.pdf',
      files: [{ name: '公司章程.pdf' }],
    });
    expect(row(all, '/foreignInvestmentApproval')?.value).toBe('(empty)');
  });

  it('labels array items by number and nested fields by their titles', () => {
    expect(row(all, '/shareholders/2/idNumber')).toEqual({
      pointer: '/shareholders/2/idNumber',
      label: ['股东 3', '证照号码'],
      value: '91440300MA5H7K3Q68',
    });
    expect(row(all, '/address/postalCode')?.label).toEqual(['住所', '邮政编码']);
    const english = rowsOf('en', sample).flatMap((group) => group.rows);
    expect(row(english, '/shareholders/0/kind')).toMatchObject({
      label: ['Shareholder 1', 'Kind of shareholder'],
      value: 'Natural person',
    });
  });

  it('lists the fields a condition shows only when it holds', () => {
    expect(row(all, '/foreignInvestment/investorCountry')).toBeUndefined();
    expect(row(all, '/operatingTerm/years')?.value).toBe('30');
    const foreign = { ...sample, foreignInvestment: { isForeignInvested: true } };
    const rows = rowsOf('zh-CN', foreign).flatMap((group) => group.rows);
    expect(row(rows, '/foreignInvestment/investorCountry')?.value).toBe('(empty)');
  });

  it('shows unanswered questions as empty', () => {
    const rows = rowsOf('zh-CN', {}).flatMap((group) => group.rows);
    expect(row(rows, '/companyName')?.value).toBe('(empty)');
    expect(row(rows, '/shareholders')?.value).toBe('(empty)');
  });
});
