import type { BilingualText, FaqItem } from './content-shapes';

/** A blank text in one language of one question or answer, by position. */
export interface FaqProblem {
  index: number;
  part: 'question' | 'answer';
  language: keyof BilingualText;
}

/** A new, empty question at the end. */
export function addFaqItem(items: FaqItem[]): FaqItem[] {
  const blank = () => ({ 'zh-CN': '', en: '' });
  return [...items, { question: blank(), answer: blank() }];
}

export function removeFaqItem(items: FaqItem[], index: number): FaqItem[] {
  return items.filter((_item, i) => i !== index);
}

/** Moves a question one place up (-1) or down (+1); a move past either end changes nothing. */
export function moveFaqItem(items: FaqItem[], index: number, delta: -1 | 1): FaqItem[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return items;
  const moved = [...items];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

/**
 * Every blank text, in page order: each question and answer needs both languages, since the
 * public page shows whichever the reader chose.
 */
export function faqProblems(items: FaqItem[]): FaqProblem[] {
  return items.flatMap((item, index) =>
    (['question', 'answer'] as const).flatMap((part) =>
      (['zh-CN', 'en'] as const).flatMap((language) =>
        item[part][language].trim() ? [] : [{ index, part, language }],
      ),
    ),
  );
}

/** The page as the API takes it, texts trimmed. */
export function faqBody(items: FaqItem[]): { items: FaqItem[] } {
  const trim = (text: BilingualText) => ({ 'zh-CN': text['zh-CN'].trim(), en: text.en.trim() });
  return {
    items: items.map((item) => ({ question: trim(item.question), answer: trim(item.answer) })),
  };
}
