import { workstationCategories } from '../../definitions/matter-definition';
import { deskQueue } from '../../engine/applications/application-queries';
import type { EngineActor } from '../../engine/engine-context';
import type { RouteModule } from '../app';
import { addRoute } from '../http/api-route';
import { HttpError } from '../http/http-error';
import { requireKind } from '../http/route-guards';
import { applicationDetail } from '../presenters/application-detail';
import { presentApplicationPage } from '../presenters/application-page';
import { pageOf, pageQuery } from './page-query';

type DeskQuery = Record<
  'status' | 'matterId' | 'role' | 'category' | 'page' | 'pageSize',
  string | undefined
>;

const name = { type: 'string', minLength: 1, maxLength: 64 };
const deskQuery = pageQuery({
  status: name,
  matterId: name,
  role: name,
  category: { type: 'string', enum: [...workstationCategories] },
});

/**
 * The officers' desk: the queue of submitted applications of the matters they cover, and one
 * application with its data and materials. Events go through `POST /applications/{id}/events`.
 */
export const deskRoutes: RouteModule = (router, services) => {
  const { database } = services.engine;

  addRoute<unknown, DeskQuery>(router, {
    method: 'get',
    path: '/desk/applications',
    tag: 'desk',
    summary: 'The desk queue, oldest change first, by status, matter, role or category',
    access: 'staff',
    query: deskQuery,
    responses: {
      200: '`{items, total}`; 403 `matter_not_covered` for a matter the officer does not cover',
    },
    async handler(ctx, { query }) {
      const actor = requireKind(ctx, 'officer', 'admin');
      if (query.matterId) checkCovers(actor, query.matterId);
      const page = await deskQueue(database, actor, {
        ...pageOf(query),
        status: query.status,
        matterId: query.matterId,
        role: query.role,
        category: query.category,
      });
      ctx.body = await presentApplicationPage(database, page, 'staff');
    },
  });

  addRoute(router, {
    method: 'get',
    path: '/desk/applications/:id',
    tag: 'desk',
    summary: 'One application as the desk sees it: data, materials, actions, history',
    access: 'staff',
    responses: {
      200: 'the application; 403 `application_forbidden` outside the officer’s matters',
    },
    async handler(ctx) {
      const actor = requireKind(ctx, 'officer', 'admin');
      ctx.body = await applicationDetail(database, ctx.params.id ?? '', actor, 'staff');
    },
  });
};

function checkCovers(actor: EngineActor, matterId: string): void {
  if (actor.kind !== 'officer' || !actor.matters || actor.matters.includes(matterId)) return;
  throw new HttpError(403, 'matter_not_covered', `you do not work on matter ${matterId}`);
}
