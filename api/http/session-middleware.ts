import type { Context, Middleware } from 'koa';
import { actorOf, findAccount } from '../../engine/accounts/account';
import type { SessionStore } from '../../engine/accounts/session-store';
import type { Database } from '../../engine/database/database';
import type { EngineContext } from '../../engine/engine-context';
import type { ApiState } from './api-state';
import { HttpError } from './http-error';

export const sessionCookie = 'sid';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Loads the session of the `sid` cookie with its account and engine actor, then requires the
 * session's CSRF token in `X-CSRF-Token` on every state-changing request made with it. A request
 * without a session (a script) needs none: without the cookie there is nothing to forge.
 */
export function sessionMiddleware(engine: EngineContext): Middleware<ApiState> {
  return async (ctx, next) => {
    const sid = ctx.cookies.get(sessionCookie);
    if (sid) await loadSession(ctx, engine.database, engine.sessions, sid);
    if (ctx.state.session && stateChanging.has(ctx.method)) checkCsrf(ctx);
    await next();
  };
}

async function loadSession(
  ctx: Context & { state: ApiState },
  database: Database,
  sessions: SessionStore,
  sid: string,
) {
  const session = await sessions.read(sid).catch((error: unknown) => {
    ctx.state.log.error({ err: (error as Error).message }, 'session store unavailable');
    const headers = { 'Retry-After': '5' };
    throw new HttpError(503, 'session_store_unavailable', 'try again shortly', [], headers);
  });
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
