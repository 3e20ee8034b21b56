import type Router from '@koa/router';
import type { ApiState } from './api-state';
import { parseBody } from './request-body';
import type { ApiContext } from './route-guards';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** Who may call a route; the OpenAPI document says so, the handler enforces it. */
export type RouteAccess =
  | 'public'
  | 'session'
  | 'applicant'
  | 'officer'
  | 'admin'
  | 'staff'
  /** Only the local CLIs, with the token the portal left in DATA_DIR. */
  | 'local';

export interface RouteInput<Body, Query> {
  body: Body;
  query: Query;
}

/**
 * One route, described once: the handler, and what the OpenAPI document says of it. Bodies and
 * queries are checked against their JSON Schemas before the handler runs, so every bad field
 * comes back at once with its pointer.
 */
export interface RouteSpec<Body = unknown, Query = Record<string, string>> {
  method: HttpMethod;
  /** Koa path under /api, e.g. `/applications/:id/events`. */
  path: string;
  tag: string;
  summary: string;
  access: RouteAccess;
  body?: object;
  query?: object;
  /** A multipart upload instead of JSON. */
  multipart?: boolean;
  /** Status code → description of the answers besides the common errors. */
  responses: Record<number, string>;
  handler(ctx: ApiContext, input: RouteInput<Body, Query>): unknown;
}

const specsByRouter = new WeakMap<object, RouteSpec<never, never>[]>();

export function addRoute<Body = unknown, Query = Record<string, string>>(
  router: Router<ApiState>,
  spec: RouteSpec<Body, Query>,
): void {
  const specs = specsByRouter.get(router) ?? [];
  specs.push(spec as unknown as RouteSpec<never, never>);
  specsByRouter.set(router, specs);
  router[spec.method](spec.path, async (ctx) => {
    const body = spec.body
      ? parseBody<Body>(spec.body, ctx.request.body ?? {})
      : (undefined as Body);
    const query = spec.query
      ? parseBody<Query>(spec.query, { ...ctx.query })
      : (ctx.query as Query);
    await spec.handler(ctx as ApiContext, { body, query });
  });
}

/** Every route registered through addRoute on this router, for the OpenAPI document. */
export function routeSpecs(router: Router<ApiState>): readonly RouteSpec<never, never>[] {
  return specsByRouter.get(router) ?? [];
}
