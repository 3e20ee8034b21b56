/**
 * The content pages and categories as the API reads and takes them (`/api/content/*`,
 * `/api/admin/content/*`, `/api/admin/categories/{id}`).
 */
export interface BilingualText {
  'zh-CN': string;
  en: string;
}

export interface IntroPage {
  title: BilingualText;
  /** Markdown, one text per language. */
  body: BilingualText;
}

export interface FaqItem {
  question: BilingualText;
  answer: BilingualText;
}

export interface CategorySettings {
  title: BilingualText;
  order: number;
}

export interface DownloadFile {
  id: string;
  title: BilingualText;
  name: string;
  size: number;
  mediaType: string;
}

export interface DownloadCategory extends CategorySettings {
  id: string;
  files: DownloadFile[];
}

/** A category id becomes a URL segment: lower-case letters, digits and hyphens. */
export const categoryIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function emptyText(): BilingualText {
  return { 'zh-CN': '', en: '' };
}

/** A title from the API, which may be a bare string in older content, as both languages. */
export function bilingual(value: unknown): BilingualText {
  if (typeof value === 'string') return { 'zh-CN': value, en: value };
  const record = (value ?? {}) as Partial<BilingualText>;
  return { 'zh-CN': record['zh-CN'] ?? '', en: record.en ?? '' };
}
