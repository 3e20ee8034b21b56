import type { Label } from '../../definitions/matter-definition';
import type { Database } from '../database/database';

export interface IntroText {
  title: Label;
  /** Markdown, one text per language. */
  body: Label;
}

export interface FaqItem {
  question: Label;
  answer: Label;
}

export interface FaqPage {
  items: FaqItem[];
}

/** The pages kept in `content_pages`, by id. */
export interface ContentPages {
  intro: IntroText;
  faq: FaqPage;
}

export type ContentPageId = keyof ContentPages;

/** What a page shows before anything was seeded or saved. */
const emptyPages: ContentPages = {
  intro: {
    title: { 'zh-CN': '业务介绍', en: 'Business introduction' },
    body: { 'zh-CN': '', en: '' },
  },
  faq: { items: [] },
};

/** A stored page, or its empty default; never fails for a page nobody wrote yet. */
export async function readContentPage<Id extends ContentPageId>(
  database: Database,
  id: Id,
): Promise<ContentPages[Id]> {
  const row = await database('content_pages').where({ id }).first('body');
  if (!row) return emptyPages[id];
  return (typeof row.body === 'string' ? JSON.parse(row.body) : row.body) as ContentPages[Id];
}

/** Replaces a page as a whole; `updatedBy` is the account id, for the record. */
export async function saveContentPage<Id extends ContentPageId>(
  database: Database,
  id: Id,
  page: ContentPages[Id],
  updatedBy: string | null,
): Promise<ContentPages[Id]> {
  const body = JSON.stringify(page);
  await database('content_pages')
    .insert({ id, body, updated_by: updatedBy })
    .onConflict('id')
    .merge({ body, updated_by: updatedBy, updated_at: database.fn.now() });
  return page;
}
