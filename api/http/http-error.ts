import { LockedError } from '../../engine/accounts/identity-binding';
import { EngineError, type ErrorDetail, type ErrorKind } from '../../engine/engine-error';

/** The error body of CONTRACT.md: a stable code, a message for a person, every bad field. */
export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

const statusByKind: Record<ErrorKind, number> = {
  bad_input: 422,
  not_allowed: 403,
  not_found: 404,
  conflict: 409,
  failure: 500,
};

/** An error the API raises itself, with the HTTP status it means. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const malformed = (message: string, details: ErrorDetail[] = []) =>
  new HttpError(400, 'malformed_request', message, details);
export const unauthenticated = () => new HttpError(401, 'not_logged_in', 'log in first');

/** 429 `locked` with `Retry-After` in whole seconds. */
export function locked(retryAfterMs: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new HttpError(
    429,
    'locked',
    `too many failed logins; try again in ${seconds} seconds`,
    [],
    { 'Retry-After': String(seconds) },
  );
}

/**
 * Engine refusals whose answer is more than their kind says, as the HTTP error they mean: a
 * lockout, wherever a password was checked (login, binding, account settings), is 429 with
 * Retry-After. Runs before the message is localized, which keeps only the EngineError.
 */
export function asHttpError(error: unknown): unknown {
  return error instanceof LockedError ? locked(error.retryAfterMs) : error;
}

/** Status and body for anything thrown while handling a request. */
export function toErrorResponse(error: unknown): {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
} {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      body: body(error.code, error.message, error.details),
      headers: error.headers,
    };
  }
  if (error instanceof EngineError) {
    const status = error.code === 'definition_invalid' ? 422 : statusByKind[error.kind];
    const message = error.kind === 'failure' ? 'the request could not be completed' : error.message;
    return { status, body: body(error.code, message, error.details), headers: {} };
  }
  const known = koaError(error);
  if (known)
    return { status: known.status, body: body(known.code, known.message, []), headers: {} };
  return {
    status: 500,
    body: body('internal_error', 'something went wrong on our side', []),
    headers: {},
  };
}

/** Errors thrown by Koa's body parser and friends carry a status we can trust. */
function koaError(error: unknown): { status: number; code: string; message: string } | undefined {
  const status = (error as { status?: unknown; expose?: unknown } | null)?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const codes: Record<number, string> = {
    400: 'malformed_request',
    413: 'body_too_large',
    415: 'unsupported_media_type',
  };
  const message = status === 400 ? 'the request body is not valid JSON' : (error as Error).message;
  return { status, code: codes[status] ?? 'bad_request', message };
}

function body(code: string, message: string, details: ErrorDetail[]): ErrorBody {
  return { error: { code, message, details } };
}
