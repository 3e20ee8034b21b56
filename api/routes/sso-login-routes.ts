import { EngineError } from '../../engine/engine-error';
import type { SsoClient } from '../../engine/accounts/sso-client';
import { finishSsoLogin, startSsoLogin } from '../../engine/accounts/sso-login';
import {
  isBrowserSecret,
  newBrowserSecret,
  pendingLoginLifetimeMs,
} from '../../engine/accounts/sso-pending-login';
import type { ApiServices } from '../api-services';
import type { RouteModule } from '../app';
import { type RouteSpec, addRoute } from '../http/api-route';
import { HttpError } from '../http/http-error';
import type { ApiContext } from '../http/route-guards';
import {
  type BindingBody,
  bindAndLogIn,
  bindingBodySchema,
  bindingResponses,
} from './identity-routes';
import { logInAndRedirect, logOut } from './login-session';

/** The cookie that ties a login at the provider to the browser that started it. */
const browserCookie = 'sso_login';
const browserCookiePath = '/api/auth/sso';

/** Where a browser lands after logging in when it did not say. */
export const defaultReturnTo = '/workstation';
/** The web page that binds a first-time identity to an account. */
export const bindPagePath = '/login/bind';
/** The web login page, which shows `ssoError`. */
export const loginPagePath = '/login';

/** Status of each refusal of a unified-identity login; all are failed logins but one. */
const statusByCode: Record<string, number> = { sso_unavailable: 503 };

const refusalCodes =
  '`sso_state_mismatch` (unknown state, or started in another browser), `sso_nonce_mismatch`, ' +
  '`sso_callback_replayed`, `sso_login_expired`, `sso_provider_error`, ' +
  '`sso_token_exchange_failed`';

/**
 * The city's unified identity (OpenID Connect), as browser navigations: start → provider →
 * callback → logged in, or the bind page with a binding token on first use; the bind route;
 * and a logout that also names the provider's logout page.
 */
export const ssoLoginRoutes: RouteModule = (router, services) => {
  addRoute(router, startRoute(services));
  addRoute(router, callbackRoute(services));
  addRoute<BindingBody>(router, {
    method: 'post',
    path: '/auth/sso/bind',
    tag: 'auth',
    summary: 'Binds a first-time unified identity to an account, with its password, and logs in',
    access: 'public',
    body: bindingBodySchema,
    responses: bindingResponses,
    async handler(ctx, { body }) {
      await bindAndLogIn(ctx, services, body, 'sso');
    },
  });
  addRoute(router, logoutRoute(services));
};

function startRoute(services: ApiServices): RouteSpec<unknown, { returnTo?: string }> {
  return {
    method: 'get',
    path: '/auth/sso/start',
    tag: 'auth',
    summary: 'Sends the browser to the unified identity provider to log in',
    access: 'public',
    query: returnToQuery,
    responses: {
      302: 'to the provider; sets the `sso_login` cookie that the callback needs',
      503: '`sso_unavailable` (JSON requests; browsers go to `/login?ssoError=sso_unavailable`)',
    },
    async handler(ctx, { query }) {
      const browserSecret = keepBrowserSecret(ctx, services);
      const start = { returnTo: query.returnTo ?? defaultReturnTo, browserSecret };
      await answerBrowser(ctx, async () => {
        const client = requireSso(services);
        const { database } = services.engine;
        ctx.redirect(await startSsoLogin(database, client, start, services.engine.now()));
      });
    },
  };
}

function callbackRoute(services: ApiServices): RouteSpec<unknown, Record<string, string>> {
  return {
    method: 'get',
    path: '/auth/sso/callback',
    tag: 'auth',
    summary: 'Where the provider sends the browser back: logs in, or on first use to binding',
    access: 'public',
    responses: {
      302:
        'bound identity: logged in at level `sso` (new `sid`), on to `returnTo`; first use: on ' +
        'to `/login/bind?kind=sso&bindingToken=TOKEN`; a refusal: on to `/login?ssoError=CODE`',
      401: `with \`Accept: application/json\`, the refusal: ${refusalCodes}`,
      503: '`sso_unavailable` (JSON requests)',
    },
    async handler(ctx) {
      ctx.set('Cache-Control', 'no-store');
      await answerBrowser(ctx, async () => {
        const client = requireSso(services);
        const callback = {
          url: callbackUrl(client, ctx.querystring),
          browserSecret: ctx.cookies.get(browserCookie),
          address: ctx.ip,
        };
        const { database } = services.engine;
        const outcome = await finishSsoLogin(database, client, callback, services.engine.now());
        if (outcome.kind === 'bound') {
          return logInAndRedirect(ctx, services, outcome.account, 'sso', outcome.returnTo);
        }
        ctx.redirect(bindPage(outcome.bindingToken, outcome.returnTo));
      });
    },
  };
}

function logoutRoute(services: ApiServices): RouteSpec {
  return {
    method: 'post',
    path: '/auth/sso/logout',
    tag: 'auth',
    summary: "Ends the session, and names the provider's logout page when it came from there",
    access: 'public',
    responses: {
      200:
        '`{endSessionUrl}`: where to send the browser to log out at the provider too (it ' +
        'returns to the portal), or null when the session did not come from unified identity',
    },
    async handler(ctx) {
      const fromProvider = ctx.state.session?.authLevel === 'sso';
      await logOut(ctx, services);
      const endSessionUrl =
        fromProvider && services.sso ? await services.sso.endSessionUrl() : null;
      ctx.body = { endSessionUrl };
    },
  };
}

/**
 * Runs a browser step: a refusal becomes, for a request that asks for JSON, the error body with
 * its status (so scripts and tests see the code); for a browser, a redirect to the login page
 * with `ssoError=CODE`.
 */
async function answerBrowser(ctx: ApiContext, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (!(error instanceof EngineError) || !error.code.startsWith('sso_')) throw error;
    if (ctx.accepts('html', 'json') === 'json') throw refusal(error);
    ctx.redirect(`${loginPagePath}?${new URLSearchParams({ ssoError: error.code })}`);
  }
}

function refusal(error: EngineError): HttpError {
  const status = statusByCode[error.code] ?? 401;
  const headers: Record<string, string> = status === 503 ? { 'Retry-After': '30' } : {};
  return new HttpError(status, error.code, error.message, [], headers);
}

function requireSso(services: ApiServices): SsoClient {
  if (services.sso) return services.sso;
  throw new EngineError('failure', 'sso_unavailable', 'unified identity is not set up', [], true);
}

/** The browser's secret: the one its cookie holds (several logins may be under way), or new. */
function keepBrowserSecret(ctx: ApiContext, services: ApiServices): string {
  const held = ctx.cookies.get(browserCookie);
  const secret = isBrowserSecret(held) ? held : newBrowserSecret();
  const secure = services.config.secureCookies;
  if (secure) ctx.cookies.secure = true;
  ctx.cookies.set(browserCookie, secret, {
    httpOnly: true,
    // Lax: the provider's redirect back is a top-level navigation, which carries it.
    sameSite: 'lax',
    path: browserCookiePath,
    maxAge: pendingLoginLifetimeMs,
    secure,
  });
  return secret;
}

/** The callback as the provider addressed it: the registered URI, whatever proxy is between. */
function callbackUrl(client: SsoClient, querystring: string): URL {
  const url = new URL(client.redirectUri);
  url.search = querystring;
  return url;
}

function bindPage(bindingToken: string, returnTo: string): string {
  const query = new URLSearchParams({ kind: 'sso', bindingToken });
  if (returnTo !== defaultReturnTo) query.set('returnTo', returnTo);
  return `${bindPagePath}?${query}`;
}

/** `returnTo`: a path of the portal, never another site (`//host`, `/\host` or a scheme). */
const returnToQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    returnTo: {
      type: 'string',
      maxLength: 2000,
      pattern: '^/(?![/\\\\])[^\\\\\\s]*$',
      description: `a local path to land on once logged in; default \`${defaultReturnTo}\``,
    },
  },
};
