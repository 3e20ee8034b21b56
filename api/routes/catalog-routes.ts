import type { RouteModule } from '../app';
import { addRoute } from '../http/api-route';
import { presentMatter } from '../presenters/matter-presenter';
import { listCatalog, loadMatterVersion } from '../../engine/registry/matter-registry';
import { HttpError } from '../http/http-error';

const matterIdPattern = /^[a-z][a-z0-9-]{0,63}$/;

/** The matter navigation: categories with their published matters, and one matter's form. */
export const catalogRoutes: RouteModule = (router, services) => {
  const { database } = services.engine;

  addRoute(router, {
    method: 'get',
    path: '/categories',
    tag: 'catalog',
    summary: 'Categories, each with the current published version of its matters',
    access: 'public',
    responses: {
      200: '`{categories: [{id, title, order, matters: [{id, version, title, applicantTypes, authLevel}]}]}`',
    },
    async handler(ctx) {
      ctx.body = { categories: await listCatalog(database) };
    },
  });

  addRoute(router, {
    method: 'get',
    path: '/matters/:id',
    tag: 'catalog',
    summary:
      'The current published version of a matter: form schema, uiSchema, materials, statuses, events',
    access: 'public',
    responses: { 200: 'the matter; 404 `matter_not_found` when it has no published version' },
    async handler(ctx) {
      const id = String(ctx.params.id);
      if (!matterIdPattern.test(id)) {
        throw new HttpError(404, 'matter_not_found', `matter ${id} has no published version`);
      }
      ctx.body = presentMatter(await loadMatterVersion(database, id));
    },
  });
};
