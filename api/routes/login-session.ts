import { type Account, publicAccount } from '../../engine/accounts/account';
import { recordAuthEvent } from '../../engine/accounts/auth-events';
import type { AuthLevel } from '../../engine/accounts/session-store';
import type { ApiServices } from '../api-services';
import { sessionCookie } from '../http/session-middleware';
import type { ApiContext } from '../http/route-guards';

/**
 * Logs an account in on this request: the session the request came with (anonymous or not) is
 * destroyed and a new one handed out in a fresh `sid` cookie, so a session id planted before
 * login is worth nothing after it. Answers `{user, authLevel, csrfToken}` as every login does (the
 * session route answers the same shape), and records the login in the account's authentication
 * trail.
 */
export async function logIn(
  ctx: ApiContext,
  services: ApiServices,
  account: Account,
  authLevel: AuthLevel,
): Promise<void> {
  const { database, sessions } = services.engine;
  if (ctx.state.sid) await sessions.destroy(ctx.state.sid);
  const { sid, session } = await sessions.create(account.id, authLevel);
  await recordAuthEvent(database, {
    accountId: account.id,
    type: 'login',
    method: authLevel,
    address: ctx.ip,
    at: services.engine.now(),
  });
  setSessionCookie(ctx, services, sid);
  ctx.body = { user: publicAccount(account), authLevel, csrfToken: session.csrfToken };
}

/**
 * Logs an account in as `logIn` does, for a browser that arrived by a redirect (the unified
 * identity callback): it gets the new `sid` cookie and is sent on to `location`, a local path,
 * instead of a JSON answer. Its pages fetch the CSRF token from `GET /api/auth/session`.
 */
export async function logInAndRedirect(
  ctx: ApiContext,
  services: ApiServices,
  account: Account,
  authLevel: AuthLevel,
  location: string,
): Promise<void> {
  await logIn(ctx, services, account, authLevel);
  ctx.redirect(location);
}

/** An anonymous session, so that a browser holds a CSRF token before it logs in. */
export async function startAnonymousSession(
  ctx: ApiContext,
  services: ApiServices,
): Promise<string> {
  const { sid, session } = await services.engine.sessions.create(null, null);
  setSessionCookie(ctx, services, sid);
  return session.csrfToken;
}

/** Ends the request's session, if any, and clears the cookie. */
export async function logOut(ctx: ApiContext, services: ApiServices): Promise<void> {
  if (ctx.state.sid) await services.engine.sessions.destroy(ctx.state.sid);
  setSessionCookie(ctx, services, null);
}

/** HttpOnly, SameSite=Lax, Path=/, and Secure when the portal is served over HTTPS. */
/** Hands out `sid` (or clears it, given null): HttpOnly, SameSite=Lax, Secure when configured. */
export function setSessionCookie(ctx: ApiContext, services: ApiServices, sid: string | null): void {
  const secure = services.config.secureCookies;
  // Koa refuses a Secure cookie on a connection it does not see as TLS; behind a proxy that
  // ends TLS it cannot see it, and the setting is the operator's word that it is so.
  if (secure) ctx.cookies.secure = true;
  ctx.cookies.set(sessionCookie, sid, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}
