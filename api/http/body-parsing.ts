import { bodyParser } from '@koa/bodyparser';
import type { Middleware } from 'koa';
import type { ApiState } from './api-state';
import { HttpError } from './http-error';

const withBody = new Set(['POST', 'PUT', 'PATCH']);
/** Where files are uploaded: an application's materials, the downloads page's files. */
const multipartPaths = /(\/attachments|^\/api\/admin\/content\/downloads)$/;

/**
 * JSON bodies only, up to the limit; multipart only where files are uploaded. Anything else with
 * a body is a 415, and a body that is not JSON a 400, both as JSON errors.
 */
export function bodyParsing(jsonLimit: string): Middleware<ApiState>[] {
  const checkType: Middleware<ApiState> = async (ctx, next) => {
    if (withBody.has(ctx.method) && hasBody(ctx.req.headers)) {
      const upload = multipartPaths.test(ctx.path) && ctx.is('multipart/form-data');
      if (!upload && !ctx.is('application/json')) {
        throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
      }
    }
    await next();
  };
  const parse = bodyParser({
    enableTypes: ['json'],
    jsonLimit,
    encoding: 'utf-8',
    onError: (error) => {
      const status = (error as { status?: number }).status;
      if (status === 413)
        throw new HttpError(413, 'body_too_large', `bodies are limited to ${jsonLimit}`);
      throw new HttpError(400, 'malformed_request', 'the request body is not valid JSON');
    },
  }) as unknown as Middleware<ApiState>;
  return [checkType, parse];
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return (length !== undefined && length !== '0') || headers['transfer-encoding'] !== undefined;
}
