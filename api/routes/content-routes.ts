import {
  type CategorySettings,
  saveCategoryOverride,
} from '../../engine/content/category-overrides';
import {
  type FaqPage,
  type IntroText,
  readContentPage,
  saveContentPage,
} from '../../engine/content/content-pages';
import {
  categoryIdPattern,
  categorySettingsSchema,
  faqPageSchema,
  introPageSchema,
} from '../../engine/content/content-schemas';
import { saveDownloadCategory } from '../../engine/content/download-categories';
import {
  addDownloadFile,
  listDownloads,
  readDownloadFile,
  removeDownloadFile,
} from '../../engine/content/download-files';
import { readIntroPage } from '../../engine/content/intro-page';
import type { RouteModule } from '../app';
import { addRoute } from '../http/api-route';
import { HttpError } from '../http/http-error';
import { type ApiContext, requireKind } from '../http/route-guards';
import { readDownloadUpload } from './download-upload';

/**
 * The pages of manual section 3 (business introduction, FAQ, downloads) for everyone, and
 * their editing for administrators, with the catalog categories' titles and order.
 */
export const contentRoutes: RouteModule = (router, services) => {
  const { database } = services.engine;

  addRoute(router, {
    method: 'get',
    path: '/content/intro',
    tag: 'content',
    summary: 'The business introduction page, with the matters that need a certificate login',
    access: 'public',
    responses: { 200: '{title, body, certificateMatters}' },
    async handler(ctx) {
      ctx.body = await readIntroPage(database);
    },
  });

  addRoute(router, {
    method: 'get',
    path: '/content/faq',
    tag: 'content',
    summary: 'Frequently asked questions about the CA login',
    access: 'public',
    responses: { 200: '{items: [{question, answer}]}, each in zh-CN and en' },
    async handler(ctx) {
      ctx.body = await readContentPage(database, 'faq');
    },
  });

  addRoute(router, {
    method: 'get',
    path: '/content/downloads',
    tag: 'content',
    summary: 'The downloads page: categories with their files',
    access: 'public',
    responses: {
      200: '{categories: [{id, title, order, files: [{id, title, name, size, mediaType, sha256}]}]}',
    },
    async handler(ctx) {
      ctx.body = await listDownloads(database);
    },
  });

  addRoute(router, {
    method: 'get',
    path: '/content/downloads/:fileId',
    tag: 'content',
    summary: 'One file of the downloads page',
    access: 'public',
    responses: { 200: 'the file, as an attachment' },
    async handler(ctx) {
      const file = await readDownloadFile(database, ctx.params.fileId ?? '');
      sendAttachment(ctx, file);
    },
  });

  addRoute<IntroText>(router, {
    method: 'put',
    path: '/admin/content/intro',
    tag: 'admin',
    summary: 'Replace the text of the business introduction page',
    access: 'admin',
    body: introPageSchema,
    responses: { 200: 'the page as the public sees it' },
    async handler(ctx, { body }) {
      const admin = requireKind(ctx, 'admin');
      await saveContentPage(database, 'intro', body, admin.id);
      ctx.body = await readIntroPage(database);
    },
  });

  addRoute<FaqPage>(router, {
    method: 'put',
    path: '/admin/content/faq',
    tag: 'admin',
    summary: 'Replace the FAQ page',
    access: 'admin',
    body: faqPageSchema,
    responses: { 200: '{items}' },
    async handler(ctx, { body }) {
      const admin = requireKind(ctx, 'admin');
      ctx.body = await saveContentPage(database, 'faq', body, admin.id);
    },
  });

  addRoute(router, {
    method: 'post',
    path: '/admin/content/downloads',
    tag: 'admin',
    summary: 'Upload a file to the downloads page (multipart: file, category, title, titleEn)',
    access: 'admin',
    multipart: true,
    responses: { 201: '{id, title, name, size, mediaType, sha256}' },
    async handler(ctx) {
      const admin = requireKind(ctx, 'admin');
      const { category, ...upload } = await readDownloadUpload(ctx);
      const file = await addDownloadFile(database, {
        ...upload,
        categoryId: category,
        uploadedBy: admin.id,
      });
      ctx.status = 201;
      ctx.body = file;
    },
  });

  addRoute(router, {
    method: 'delete',
    path: '/admin/content/downloads/:fileId',
    tag: 'admin',
    summary: 'Remove a file from the downloads page',
    access: 'admin',
    responses: { 204: 'removed' },
    async handler(ctx) {
      requireKind(ctx, 'admin');
      await removeDownloadFile(database, ctx.params.fileId ?? '');
      ctx.status = 204;
    },
  });

  addRoute<CategorySettings>(router, {
    method: 'put',
    path: '/admin/content/download-categories/:id',
    tag: 'admin',
    summary: 'Create a downloads category or change its title and order',
    access: 'admin',
    body: categorySettingsSchema,
    responses: { 200: '{id, title, order}' },
    async handler(ctx, { body }) {
      requireKind(ctx, 'admin');
      const id = categoryId(ctx);
      ctx.body = await saveDownloadCategory(database, { id, ...body });
    },
  });

  addRoute<CategorySettings>(router, {
    method: 'put',
    path: '/admin/categories/:id',
    tag: 'admin',
    summary: 'Set the title and order the catalog shows for a category',
    access: 'admin',
    body: categorySettingsSchema,
    responses: { 200: '{id, title, order}' },
    async handler(ctx, { body }) {
      requireKind(ctx, 'admin');
      ctx.body = await saveCategoryOverride(database, ctx.params.id ?? '', body);
    },
  });
};

/** Category ids become URL segments and seed keys: a new one must be a plain slug. */
function categoryId(ctx: ApiContext): string {
  const id = ctx.params.id ?? '';
  if (new RegExp(categoryIdPattern).test(id)) return id;
  const message = 'lower-case letters, digits and hyphens, starting with a letter or digit';
  throw new HttpError(422, 'invalid_fields', 'the category id is not valid', [
    { pointer: '/id', code: 'pattern', message },
  ]);
}

/**
 * Sends a stored file for download, never for display: an administrator's upload must not run
 * as a page of the portal's origin, whatever its media type says.
 */
function sendAttachment(
  ctx: ApiContext,
  file: { name: string; mediaType: string; content: Buffer; sha256: string },
): void {
  const ascii = file.name.replace(/[^\w.-]/g, '_');
  ctx.set(
    'Content-Disposition',
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
  ctx.set('ETag', `"${file.sha256}"`);
  ctx.set('Cache-Control', 'public, max-age=300');
  ctx.type = file.mediaType;
  ctx.body = file.content;
}
