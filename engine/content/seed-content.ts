import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv from 'ajv';
import type { Database } from '../database/database';
import { type FaqPage, type IntroText, saveContentPage } from './content-pages';
import { categoryIdPattern, faqPageSchema, introPageSchema, titleSchema } from './content-schemas';
import { saveDownloadCategory } from './download-categories';
import { addDownloadFile } from './download-files';

/** The seed manifest of the downloads page: `downloads/downloads.json` in the content folder. */
export interface DownloadsSeed {
  categories: {
    id: string;
    title: { 'zh-CN': string; en: string };
    order: number;
    files: { file: string; title: { 'zh-CN': string; en: string }; mediaType: string }[];
  }[];
}

const downloadsSeedSchema = {
  type: 'object',
  required: ['categories'],
  additionalProperties: false,
  properties: {
    categories: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'order', 'files'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: categoryIdPattern },
          title: titleSchema,
          order: { type: 'integer' },
          files: {
            type: 'array',
            items: {
              type: 'object',
              required: ['file', 'title', 'mediaType'],
              additionalProperties: false,
              properties: {
                file: { type: 'string', pattern: '^[A-Za-z0-9_-]+/[A-Za-z0-9_.-]+$' },
                title: titleSchema,
                mediaType: { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
} as const;

/** A seed file that does not match its schema: start-up stops with the file and the pointer. */
export class ContentSeedError extends Error {
  readonly code = 'content_seed_invalid';
}

/**
 * Puts the default content of `folder` (intro.json, faq.json, downloads/downloads.json and the
 * files it names) into the database. Idempotent, and each item goes in once ever: the keys in
 * `content_seeds` remember what was seeded, so an administrator's edits and deletions survive
 * every restart, while an item added to the folder later is still seeded. Returns the keys it
 * seeded now. Throws ContentSeedError for a malformed seed file.
 *
 * @example
 * await seedContent(database, join(__dirname, '../../examples/content'));
 */
export async function seedContent(database: Database, folder: string): Promise<string[]> {
  const intro = readSeed<IntroText>(folder, 'intro.json', introPageSchema);
  const faq = readSeed<FaqPage>(folder, 'faq.json', faqPageSchema);
  const downloads = readSeed<DownloadsSeed>(
    folder,
    'downloads/downloads.json',
    downloadsSeedSchema,
  );
  return database.transaction(async (trx) => {
    const seeded: string[] = [];
    const once = async (key: string, put: () => Promise<unknown>) => {
      const [claimed] = await trx('content_seeds')
        .insert({ key })
        .onConflict('key')
        .ignore()
        .returning('key');
      if (!claimed) return;
      await put();
      seeded.push(key);
    };
    await once('page:intro', () => saveContentPage(trx, 'intro', intro, null));
    await once('page:faq', () => saveContentPage(trx, 'faq', faq, null));
    for (const category of downloads.categories) {
      const { id, title, order } = category;
      await once(`download-category:${id}`, () => saveDownloadCategory(trx, { id, title, order }));
      for (const file of category.files) {
        await once(`download:${id}:${file.file}`, () =>
          addDownloadFile(trx, {
            categoryId: id,
            title: file.title,
            name: basename(file.file),
            mediaType: file.mediaType,
            content: readFileSync(join(folder, 'downloads', file.file)),
            uploadedBy: null,
          }),
        );
      }
    }
    return seeded;
  });
}

const ajv = new Ajv({ allErrors: true, strict: true });

function readSeed<T = unknown>(folder: string, file: string, schema: object): T {
  const path = join(folder, file);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ContentSeedError(`${path}: ${error instanceof Error ? error.message : error}`);
  }
  const validate = ajv.compile(schema);
  if (validate(value)) return value as T;
  const [first] = validate.errors ?? [];
  throw new ContentSeedError(`${path}: ${first?.instancePath || '/'} ${first?.message ?? ''}`);
}
