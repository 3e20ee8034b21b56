import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type TestDatabase,
  createTestDatabase,
  databaseKinds,
} from '../../test/support/test-database';
import { readContentPage, saveContentPage } from './content-pages';
import { listDownloads, readDownloadFile, removeDownloadFile } from './download-files';
import { ContentSeedError, seedContent } from './seed-content';

const contentFolder = join(__dirname, '..', '..', 'examples', 'content');

describe.each(databaseKinds)('seedContent on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  }, 60_000);
  afterAll(() => test.drop());

  it('puts in the example pages and files, byte for byte', async () => {
    const seeded = await seedContent(test.database, contentFolder);
    expect(seeded).toEqual(expect.arrayContaining(['page:intro', 'page:faq']));
    const { categories } = await listDownloads(test.database);
    expect(categories.map((c) => c.id)).toEqual(['documents', 'drivers']);
    const readme = categories[1]?.files[0];
    const stored = await readDownloadFile(test.database, readme?.id ?? '');
    const path = join(contentFolder, 'downloads', 'drivers', 'ca-certificate-readme.txt');
    expect(stored.content.equals(readFileSync(path))).toBe(true);
  });

  it('seeds each item once ever: edits and deletions survive a restart', async () => {
    const faq = { items: [] };
    await saveContentPage(test.database, 'faq', faq, null);
    const { categories } = await listDownloads(test.database);
    await removeDownloadFile(test.database, categories[0]?.files[0]?.id ?? '');
    expect(await seedContent(test.database, contentFolder)).toEqual([]);
    expect(await readContentPage(test.database, 'faq')).toEqual(faq);
    expect((await listDownloads(test.database)).categories[0]?.files).toHaveLength(1);
  });

  it('seeds an item added to the folder later', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'matterflow-content-'));
    cpSync(contentFolder, folder, { recursive: true });
    const manifestPath = join(folder, 'downloads', 'downloads.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.categories[1].files.push({
      file: 'drivers/extra.txt',
      title: { 'zh-CN': '补充', en: 'Extra' },
      mediaType: 'text/plain',
    });
    writeFileSync(manifestPath, JSON.stringify(manifest));
    writeFileSync(join(folder, 'downloads', 'drivers', 'extra.txt'), 'extra');
    expect(await seedContent(test.database, folder)).toEqual([
      'download:drivers:drivers/extra.txt',
    ]);
  });

  it('stops on a malformed seed file, naming it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'matterflow-content-'));
    cpSync(contentFolder, folder, { recursive: true });
    writeFileSync(join(folder, 'faq.json'), JSON.stringify({ items: [{ question: 'q' }] }));
    await expect(seedContent(test.database, folder)).rejects.toThrow(ContentSeedError);
    await expect(seedContent(test.database, folder)).rejects.toThrow(/faq\.json: \/items\/0/);
  });
});
