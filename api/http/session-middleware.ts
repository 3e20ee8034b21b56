import type { Context, Middleware } from 'koa';
import { actorOf, findAccount } from '../../engine/accounts/account';
import { readSession } from '../../engine/accounts/session-store';
import type { Database } from '../../engine/database/database';
import type { ApiState } from './api-state';
import { HttpError } from './http-error';

export const sessionCookie = 'sid';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Loads the session of the `sid` cookie with its account and engine actor, then requires the
 * session's CSRF token in `X-CSRF-Token` on every state-changing request made with it. A request
 * without a session (a script) needs none: without the cookie there is nothing to forge.
 */
export function sessionMiddleware(database: Database): Middleware<ApiState> {
  return async (ctx, next) => {
    const sid = ctx.cookies.get(sessionCookie);
    if (sid) await loadSession(ctx, database, sid);
    if (ctx.state.session && stateChanging.has(ctx.method)) checkCsrf(ctx);
    await next();
  };
}

async function loadSession(ctx: Context & { state: ApiState }, database: Database, sid: string) {
  const session = await readSession(database, sid);
  if (!session) return;
  ctx.state.sid = sid;
  ctx.state.session = session;
  if (!session.accountId) return;
  const account = await findAccount(database, session.accountId);
  if (!account) return;
  ctx.state.account = account;
  ctx.state.actor = actorOf(account, session.authLevel);
}

function checkCsrf(ctx: Context & { state: ApiState }): void {
  const token = ctx.get('x-csrf-token');
  if (token && token === ctx.state.session?.csrfToken) return;
  throw new HttpError(
    403,
    'csrf_token_invalid',
    'send the X-CSRF-Token from GET /api/auth/session',
  );
}
