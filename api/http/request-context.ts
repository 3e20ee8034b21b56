import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from '../../engine/logger';
import type { ApiState } from './api-state';
import { localizeError } from '../presenters/localize-error';
import { requestLocale } from '../presenters/request-locale';
import { asHttpError, toErrorResponse } from './http-error';

/**
 * The outermost middleware: a request id, a child logger, and every error turned into the JSON
 * error body. A 5xx is logged with its cause and shows nothing of it to the client.
 */
export function requestContext(logger: Logger): Middleware<ApiState> {
  return async (ctx, next) => {
    const requestId = ctx.get('x-request-id').slice(0, 64) || randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = logger.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    const started = performance.now();
    try {
      await next();
    } catch (error) {
      const locale = requestLocale(ctx.get('accept-language'));
      const response = toErrorResponse(localizeError(asHttpError(error), locale));
      ctx.status = response.status;
      ctx.body = response.body;
      ctx.set(response.headers);
      if (response.status >= 500) ctx.state.log.error({ err: error }, 'request failed');
    }
    const ms = Math.round(performance.now() - started);
    ctx.state.log.debug({ method: ctx.method, path: ctx.path, status: ctx.status, ms }, 'request');
  };
}
