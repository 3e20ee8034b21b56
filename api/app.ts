import Router from '@koa/router';
import Koa from 'koa';
import type { Logger } from '../engine/logger';
import type { ApiServices } from './api-services';
import type { ApiState } from './http/api-state';
import { bodyParsing } from './http/body-parsing';
import { HttpError } from './http/http-error';
import { requestContext } from './http/request-context';
import { sessionMiddleware } from './http/session-middleware';
import { builtPagesFolder, staticPages } from './http/static-pages';

/** A module of routes: registers its handlers on the `/api` router. */
export type RouteModule = (router: Router<ApiState>, services: ApiServices) => void;

/**
 * The Koa application: request context and error mapping outermost, then body parsing, the
 * session and CSRF check, and the routes. Unknown routes and wrong methods answer with the same
 * JSON error body as everything else. Paths outside `/api` get the built web pages.
 *
 * @example
 * const app = createApp(services, [authRoutes, applicationRoutes]);
 * app.listen(3000);
 */
export function createApp(services: ApiServices, modules: RouteModule[]): Koa<ApiState> {
  const app = new Koa<ApiState>({ proxy: services.config.trustProxy ?? false });
  const router = new Router<ApiState>({ prefix: '/api' });
  for (const register of modules) register(router, services);

  app.use(requestContext(services.logger));
  for (const middleware of bodyParsing(services.config.jsonLimit)) app.use(middleware);
  app.use(sessionMiddleware(services.engine));
  app.use(router.routes());
  app.use(methodNotAllowed(router));
  const pagesDir = services.config.pagesDir ?? builtPagesFolder;
  app.use(staticPages(pagesDir, { helperOrigin: services.config.caHelperUrl }));
  app.use(async (ctx) => {
    throw new HttpError(404, 'not_found', `no route ${ctx.method} ${ctx.path}`);
  });
  app.on('error', (error: NodeJS.ErrnoException) => logStreamError(services.logger, error));
  return app;
}

/** A browser that leaves mid-download is no fault of the portal's. */
const clientGone = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/**
 * Errors Koa meets after the answer has begun (a file stream that fails or whose client left),
 * which no middleware sees: logged as one structured line instead of Koa's console.error.
 */
function logStreamError(logger: Logger, error: NodeJS.ErrnoException): void {
  if (clientGone.has(error.code ?? '')) logger.debug({ code: error.code }, 'client went away');
  else logger.error({ err: error }, 'response failed after it began');
}

function methodNotAllowed(router: Router<ApiState>): Koa.Middleware<ApiState> {
  const allowed = router.allowedMethods();
  return async (ctx, next) => {
    await allowed(ctx as never, async () => undefined);
    if (ctx.status === 405 || ctx.status === 501) {
      const allow = ctx.response.get('Allow');
      throw new HttpError(
        405,
        'method_not_allowed',
        `${ctx.method} is not allowed here`,
        [],
        allow ? { Allow: allow } : {},
      );
    }
    await next();
  };
}
