import { join } from 'node:path';
import { downloadFileMaxSize } from '../../engine/content/download-files';
import { seedContent } from '../../engine/content/seed-content';
import { listCatalog } from '../../engine/registry/matter-registry';
import { ApiClient } from '../../test/support/api-client';
import { type SessionClient, loginAs } from '../../test/support/admin-login';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { contentRoutes } from './content-routes';

const contentFolder = join(__dirname, '..', '..', 'examples', 'content');
const label = (text: string) => ({ 'zh-CN': text, en: text });

describe('the content pages', () => {
  let server: TestApiServer;
  let visitor: ApiClient;
  let admin: SessionClient;
  beforeAll(async () => {
    server = await startTestApiServer([contentRoutes]);
    await seedContent(server.services.engine.database, contentFolder);
    visitor = new ApiClient(server.baseUrl);
    admin = await loginAs(server, 'admin');
  }, 60_000);
  afterAll(() => server.close());

  it('shows the intro with the published matters that need a certificate', async () => {
    const response = await visitor.get('/api/content/intro');
    expect(response.status).toBe(200);
    expect(response.body.title['zh-CN']).toBe('业务介绍');
    expect(response.body.body.en).toContain('certificate');
    expect(response.body.certificateMatters).toEqual([
      expect.objectContaining({
        id: 'annual-report',
        authLevel: 'certificate',
        category: { id: 'annual-report', title: expect.any(Object) },
      }),
    ]);
  });

  it('shows the FAQ in both languages and lets an administrator replace it', async () => {
    const seeded = await visitor.get('/api/content/faq');
    expect(seeded.body.items.length).toBeGreaterThan(3);
    expect(seeded.body.items[0]).toEqual({
      question: { 'zh-CN': expect.any(String), en: expect.any(String) },
      answer: { 'zh-CN': expect.any(String), en: expect.any(String) },
    });
    const items = [{ question: label('证书在哪里买？'), answer: label('向 CA 机构申请。') }];
    expect((await admin.put('/api/admin/content/faq', { items })).status).toBe(200);
    expect((await visitor.get('/api/content/faq')).body).toEqual({ items });
  });

  it('refuses a bad page with the pointer of every bad field', async () => {
    const response = await admin.put('/api/admin/content/intro', {
      title: { 'zh-CN': '' },
      body: label('x'),
      extra: 1,
    });
    expect(response.status).toBe(422);
    const pointers = response.body.error.details.map((d: { pointer: string }) => d.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/title/en', '/title/zh-CN', '/extra']));
  });

  it('saves the intro text and keeps the computed list', async () => {
    const page = { title: label('业务介绍'), body: label('新的介绍') };
    const saved = await admin.put('/api/admin/content/intro', page);
    expect(saved.body).toMatchObject({ ...page, certificateMatters: [{ id: 'annual-report' }] });
    expect((await visitor.get('/api/content/intro')).body.body).toEqual(page.body);
  });

  it('lists the downloads by category and serves each file', async () => {
    const { body } = await visitor.get('/api/content/downloads');
    expect(body.categories.map((c: { id: string }) => c.id)).toEqual(['documents', 'drivers']);
    expect(body.categories[0].title['zh-CN']).toBe('文档下载');
    const [guide] = body.categories[0].files;
    expect(guide).toMatchObject({ name: 'portal-user-guide.md', mediaType: expect.any(String) });
    const file = await visitor.get(`/api/content/downloads/${guide.id}`);
    expect(file.status).toBe(200);
    expect(file.text).toContain('公共服务外网用户手册');
    expect(Buffer.byteLength(file.text)).toBe(guide.size);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await visitor.get('/api/content/downloads/nothing')).status).toBe(404);
  });

  it('takes an upload into a category, serves it and deletes it', async () => {
    const form = new FormData();
    form.set('category', 'drivers');
    form.set('title', '证书助手');
    form.set('file', new Blob(['helper bytes'], { type: 'application/zip' }), '证书助手.zip');
    const created = await admin.post('/api/admin/content/downloads', form);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '证书助手.zip',
      size: 12,
      mediaType: 'application/zip',
      title: label('证书助手'),
    });
    const file = await visitor.get(`/api/content/downloads/${created.body.id}`);
    expect(file.text).toBe('helper bytes');
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''%E8%AF%81");

    const removed = await admin.request(
      'DELETE',
      `/api/admin/content/downloads/${created.body.id}`,
    );
    expect(removed.status).toBe(204);
    expect((await visitor.get(`/api/content/downloads/${created.body.id}`)).status).toBe(404);
  });

  it('refuses an upload without its fields, or to an unknown category', async () => {
    const empty = new FormData();
    empty.set('note', 'nothing');
    const missing = await admin.post('/api/admin/content/downloads', empty);
    expect(missing.status).toBe(422);
    const pointers = missing.body.error.details.map((d: { pointer: string }) => d.pointer);
    expect(pointers).toEqual(['/category', '/title', '/file']);

    const stray = new FormData();
    stray.set('category', 'nowhere');
    stray.set('title', 'x');
    stray.set('file', new Blob(['x']), 'x.txt');
    const unknown = await admin.post('/api/admin/content/downloads', stray);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('download_category_unknown');

    const big = new FormData();
    big.set('category', 'drivers');
    big.set('title', 'big');
    big.set('file', new Blob([new Uint8Array(downloadFileMaxSize + 1)]), 'big.bin');
    const tooLarge = await admin.post('/api/admin/content/downloads', big);
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.body.error.details).toEqual([
      expect.objectContaining({ pointer: '/file', code: 'file_too_large' }),
    ]);

    const json = await admin.post('/api/admin/content/downloads', { category: 'drivers' });
    expect(json.status).toBe(415);
  });

  it('renames and reorders a catalog category', async () => {
    const settings = { title: label('年度报告'), order: 0 };
    const saved = await admin.put('/api/admin/categories/annual-report', settings);
    expect(saved.body).toEqual({ id: 'annual-report', ...settings });
    const catalog = await listCatalog(server.services.engine.database);
    expect(catalog[0]).toMatchObject({ id: 'annual-report', title: settings.title, order: 0 });
    const unknown = await admin.put('/api/admin/categories/nowhere', settings);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('category_not_found');
  });

  it('adds a downloads category', async () => {
    const saved = await admin.put('/api/admin/content/download-categories/forms', {
      title: { 'zh-CN': '表格下载', en: 'Forms' },
      order: 3,
    });
    expect(saved.status).toBe(200);
    const { body } = await visitor.get('/api/content/downloads');
    expect(body.categories.at(-1)).toMatchObject({ id: 'forms', files: [] });
    const bad = await admin.put('/api/admin/content/download-categories/Bad_Id', {
      title: label('x'),
      order: 1,
    });
    expect(bad.status).toBe(422);
  });

  it('lets only administrators edit, and only with the CSRF token', async () => {
    const page = { title: label('x'), body: label('y') };
    expect((await visitor.put('/api/admin/content/intro', page)).status).toBe(401);
    const officer = await loginAs(server, 'officer');
    expect((await officer.put('/api/admin/content/intro', page)).status).toBe(403);
    const forger = await loginAs(server, 'admin');
    forger.csrfToken = undefined;
    const forged = await forger.request('DELETE', '/api/admin/content/downloads/x');
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_token_invalid');
  });
});
