import type { RouteModule } from '../app';
import { addRoute } from '../http/api-route';
import { buildOpenApiDocument } from './openapi-document';

const version = process.env.npm_package_version ?? '0.1.0';

/** Serves the OpenAPI document of every route; register it last so it lists them all. */
export const openApiRoutes: RouteModule = (router) => {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  addRoute(router, {
    method: 'get',
    path: '/openapi.json',
    tag: 'meta',
    summary: 'The OpenAPI 3.1 document of this API',
    access: 'public',
    responses: { 200: 'the document' },
    handler(ctx) {
      document ??= buildOpenApiDocument(router, version);
      ctx.body = document;
    },
  });
};
