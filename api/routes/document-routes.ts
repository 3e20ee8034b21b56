import { readApplication } from '../../engine/applications/application-access';
import { listDocuments, readDocument } from '../../engine/delivery/document-delivery';
import type { RouteModule } from '../app';
import { addRoute } from '../http/api-route';
import { requireActor } from '../http/route-guards';
import { presentDocument } from '../presenters/application-presenter';
import { contentDisposition } from '../presenters/content-disposition';

const documentQuery = {
  type: 'object',
  properties: { download: { type: 'string', enum: ['0', '1', 'true', 'false'] } },
  additionalProperties: false,
};

/**
 * Documents issued to an application (the acceptance receipt, the licence): listed as JSON and
 * served as HTML pages that run no script and load nothing.
 */
export const documentRoutes: RouteModule = (router, services) => {
  const { database } = services.engine;

  addRoute(router, {
    method: 'get',
    path: '/applications/:id/documents',
    tag: 'applications',
    summary: 'The documents issued to an application, oldest first',
    access: 'session',
    responses: { 200: '`{items: [{id, name, title, mediaType, createdAt}]}`' },
    async handler(ctx) {
      const actor = requireActor(ctx);
      const application = await readApplication(database, ctx.params.id ?? '', actor);
      const documents = await listDocuments(database, application.id);
      ctx.body = { items: documents.map(presentDocument) };
    },
  });

  addRoute<unknown, { download?: string }>(router, {
    method: 'get',
    path: '/applications/:id/documents/:documentId',
    tag: 'applications',
    summary: 'One issued document as an HTML page; `?download=1` to save it as a file',
    access: 'session',
    query: documentQuery,
    responses: { 200: 'the document (text/html); 404 `document_not_found`' },
    async handler(ctx, { query }) {
      const actor = requireActor(ctx);
      const application = await readApplication(database, ctx.params.id ?? '', actor);
      const document = await readDocument(database, application.id, ctx.params.documentId ?? '');
      const download = query.download === '1' || query.download === 'true';
      const fileName = `${document.title['zh-CN'] || document.name}.html`;
      ctx.set(
        'Content-Disposition',
        contentDisposition(download ? 'attachment' : 'inline', fileName),
      );
      ctx.set(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      );
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = document.content;
    },
  });
};
