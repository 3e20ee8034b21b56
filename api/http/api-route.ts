import type Router from '@koa/router';
import type { ApiState } from './api-state';
import { parseBody } from './request-body';
import { type ApiContext, requireActor, requireKind } from './route-guards';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/**
 * Who may call a route; the OpenAPI document says so, and addRoute checks it before the body is
 * read, so a caller who may not call the route learns that (401 or 403) rather than what was
 * wrong with the body. `local` routes check the CLIs' token themselves.
 */
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
    guardAccess(ctx as ApiContext, spec.access);
    const body = spec.body
      ? parseBody<Body>(spec.body, ctx.request.body ?? {})
      : (undefined as Body);
    const query = spec.query
      ? parseBody<Query>(spec.query, givenParameters(ctx.query))
      : (ctx.query as Query);
    await spec.handler(ctx as ApiContext, { body, query });
  });
}

function guardAccess(ctx: ApiContext, access: RouteAccess): void {
  if (access === 'public' || access === 'local') return;
  if (access === 'session') requireActor(ctx);
  else if (access === 'staff') requireKind(ctx, 'officer', 'admin');
  else requireKind(ctx, access);
}

/**
 * The query without its empty parameters: `?status=&matterId=` asks for no filter, as forms and
 * scripts that fill a template send it.
 */
function givenParameters(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

/** Every route registered through addRoute on this router, for the OpenAPI document. */
export function routeSpecs(router: Router<ApiState>): readonly RouteSpec<never, never>[] {
  return specsByRouter.get(router) ?? [];
}
