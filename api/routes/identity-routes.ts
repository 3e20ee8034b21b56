import { isUuid } from '../../engine/applications/application-access';
import { listAuthEvents } from '../../engine/accounts/auth-events';
import {
  type IdentityKind,
  bindIdentity,
  listIdentities,
  unbindIdentity,
} from '../../engine/accounts/identity-binding';
import { EngineError } from '../../engine/engine-error';
import type { ApiServices } from '../api-services';
import type { RouteModule } from '../app';
import { type RouteSpec, addRoute } from '../http/api-route';
import { HttpError } from '../http/http-error';
import { type ApiContext, requireAccount, requireKind } from '../http/route-guards';
import { logIn } from './login-session';

export interface BindingBody {
  bindingToken: string;
  username: string;
  password: string;
}

/** The body of `POST /auth/ca/bind` and `POST /auth/sso/bind`. */
export const bindingBodySchema = {
  type: 'object',
  required: ['bindingToken', 'username', 'password'],
  additionalProperties: false,
  properties: {
    bindingToken: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'from the `binding_required` answer',
    },
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 256 },
  },
};

/** What a bind route answers; 200 names the level the identity logs in at. */
export const bindingResponses = {
  200:
    '`{user, authLevel, csrfToken}` and a new `sid` cookie: bound and logged in at the level ' +
    'of the identity (`certificate` or `sso`)',
  401: '`invalid_credentials` (the token stays usable)',
  403: '`account_kind_not_allowed`: staff accounts bind nothing',
  409: '`identity_already_bound`',
  422: '`binding_token_invalid` (unknown, used or expired) or `identity_mismatch`',
  429: '`locked`, with `Retry-After`, as for a password login',
};

/**
 * Binds the identity behind the body's binding token to the account of its username and
 * password, then logs that account in at `authLevel`. Shared by the certificate and the unified
 * identity bind routes.
 */
export async function bindAndLogIn(
  ctx: ApiContext,
  services: ApiServices,
  body: BindingBody,
  kind: IdentityKind,
): Promise<void> {
  const { database } = services.engine;
  const binding = { ...body, address: ctx.ip, kind };
  try {
    const { account } = await bindIdentity(database, binding, services.engine.now());
    await logIn(ctx, services, account, kind);
  } catch (error) {
    throw bindingHttpError(error);
  }
}

function bindingHttpError(error: unknown): unknown {
  if (error instanceof EngineError && error.code === 'invalid_credentials') {
    return new HttpError(401, 'invalid_credentials', 'the username or password is wrong');
  }
  return error;
}

/** The account settings' view of bound certificates and unified identities, and its trail. */
export const identityRoutes: RouteModule = (router, services) => {
  addRoute(router, {
    method: 'get',
    path: '/account/identities',
    tag: 'account',
    summary: 'Certificates and unified identities bound to the logged-in applicant',
    access: 'applicant',
    responses: { 200: '`{items: [{id, kind, issuer, subject, label, details, createdAt}]}`' },
    async handler(ctx) {
      requireKind(ctx, 'applicant');
      const items = await listIdentities(services.engine.database, requireAccount(ctx).id);
      ctx.body = { items };
    },
  });
  addRoute(router, unbindRoute(services));
  addRoute(router, {
    method: 'get',
    path: '/account/auth-events',
    tag: 'account',
    summary: "The logged-in account's logins, bindings and unbindings, newest first",
    access: 'session',
    responses: { 200: '`{items: [{type, method, address, detail, at}]}`' },
    async handler(ctx) {
      const items = await listAuthEvents(services.engine.database, requireAccount(ctx).id);
      ctx.body = { items };
    },
  });
};

function unbindRoute(services: ApiServices): RouteSpec<unknown, { id: string }> {
  return {
    method: 'delete',
    path: '/account/identities/:id',
    tag: 'account',
    summary: 'Unbinds a certificate or unified identity from the logged-in applicant',
    access: 'applicant',
    responses: { 204: 'unbound', 404: '`identity_not_found`' },
    async handler(ctx) {
      requireKind(ctx, 'applicant');
      const id = String(ctx.params.id);
      if (!isUuid(id)) throw new HttpError(404, 'identity_not_found', 'no such identity');
      const account = requireAccount(ctx);
      const event = { address: ctx.ip, now: services.engine.now() };
      await unbindIdentity(services.engine.database, account.id, id, event);
      ctx.status = 204;
    },
  };
}
