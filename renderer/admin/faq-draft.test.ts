import type { FaqItem } from './content-shapes';
import { addFaqItem, faqBody, faqProblems, moveFaqItem, removeFaqItem } from './faq-draft';

const item = (name: string): FaqItem => ({
  question: { 'zh-CN': `问${name}`, en: `Q${name}` },
  answer: { 'zh-CN': `答${name}`, en: `A${name}` },
});
const names = (items: FaqItem[]) => items.map((i) => i.question.en);

describe('the FAQ draft', () => {
  const items = [item('1'), item('2'), item('3')];

  it('moves a question up and down, and not past either end', () => {
    expect(names(moveFaqItem(items, 1, -1))).toEqual(['Q2', 'Q1', 'Q3']);
    expect(names(moveFaqItem(items, 1, 1))).toEqual(['Q1', 'Q3', 'Q2']);
    expect(moveFaqItem(items, 0, -1)).toBe(items);
    expect(moveFaqItem(items, 2, 1)).toBe(items);
    expect(names(items)).toEqual(['Q1', 'Q2', 'Q3']);
  });

  it('adds an empty question at the end and removes one by position', () => {
    expect(addFaqItem(items)).toHaveLength(4);
    expect(addFaqItem(items)[3]).toEqual({
      question: { 'zh-CN': '', en: '' },
      answer: { 'zh-CN': '', en: '' },
    });
    expect(names(removeFaqItem(items, 1))).toEqual(['Q1', 'Q3']);
  });

  it('names every blank text in page order', () => {
    const draft = addFaqItem([item('1')]);
    draft[0] = { ...draft[0]!, answer: { 'zh-CN': ' ', en: 'A1' } };
    draft[1] = { ...draft[1]!, question: { 'zh-CN': '新问题', en: '' } };
    expect(faqProblems(draft)).toEqual([
      { index: 0, part: 'answer', language: 'zh-CN' },
      { index: 1, part: 'question', language: 'en' },
      { index: 1, part: 'answer', language: 'zh-CN' },
      { index: 1, part: 'answer', language: 'en' },
    ]);
    expect(faqProblems(items)).toEqual([]);
  });

  it('sends the texts trimmed', () => {
    const draft = [
      { question: { 'zh-CN': ' 问 ', en: 'Q ' }, answer: { 'zh-CN': '答', en: ' A' } },
    ];
    expect(faqBody(draft)).toEqual({
      items: [{ question: { 'zh-CN': '问', en: 'Q' }, answer: { 'zh-CN': '答', en: 'A' } }],
    });
  });
});
