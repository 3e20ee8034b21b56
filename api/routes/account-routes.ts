import {
  type ContactsChange,
  type PasswordChange,
  changeContacts,
  changePassword,
} from '../../engine/accounts/account-settings';
import { publicAccount } from '../../engine/accounts/account';
import type { ApiServices } from '../api-services';
import type { RouteModule } from '../app';
import { type RouteSpec, addRoute } from '../http/api-route';
import { requireAccount } from '../http/route-guards';
import { setSessionCookie } from './login-session';

type PasswordBody = Pick<PasswordChange, 'currentPassword' | 'newPassword'>;
type ContactsBody = Pick<ContactsChange, 'currentPassword' | 'phone' | 'email'>;

const secret = { type: 'string', minLength: 1, maxLength: 256 };

/** The engine checks the policy, so that its issues come with messages in both languages. */
const passwordBodySchema = {
  type: 'object',
  required: ['currentPassword', 'newPassword'],
  additionalProperties: false,
  properties: {
    currentPassword: secret,
    newPassword: { ...secret, description: '8-64 characters, three character classes' },
  },
};

/** Only types and bounds here: the engine checks the formats with registration's messages. */
const contactsBodySchema = {
  type: 'object',
  required: ['currentPassword', 'phone', 'email'],
  additionalProperties: false,
  properties: {
    currentPassword: secret,
    phone: { type: 'string', maxLength: 32, description: 'mainland mobile number' },
    email: { type: 'string', maxLength: 320, description: 'e-mail address' },
  },
};

const refusals = {
  422:
    '`current_password_wrong` when only the current password is wrong (detail at ' +
    '`/currentPassword`, counted toward the login lockout), else `invalid_fields` with every ' +
    'bad field',
  429: '`locked`, with `Retry-After`, as for a password login',
};

/** The logged-in person's own password and recovery channels, each change proved by password. */
export const accountRoutes: RouteModule = (router, services) => {
  addRoute(router, passwordRoute(services));
  addRoute(router, contactsRoute(services));
};

function passwordRoute(services: ApiServices): RouteSpec<PasswordBody> {
  return {
    method: 'put',
    path: '/account/password',
    tag: 'account',
    summary:
      "Changes the logged-in account's password; ends its other sessions and rotates this one",
    access: 'session',
    body: passwordBodySchema,
    responses: {
      200: '`{user, authLevel, csrfToken}` and a new `sid` cookie; every other session has ended',
      ...refusals,
    },
    async handler(ctx, { body }) {
      const account = requireAccount(ctx);
      const authLevel = ctx.state.session?.authLevel ?? 'password';
      const change = { ...body, address: ctx.ip, authLevel };
      const { sid, session } = await changePassword(services.engine, account, change);
      setSessionCookie(ctx, services, sid);
      ctx.body = { user: publicAccount(account), authLevel, csrfToken: session.csrfToken };
    },
  };
}

function contactsRoute(services: ApiServices): RouteSpec<ContactsBody> {
  return {
    method: 'put',
    path: '/account/contacts',
    tag: 'account',
    summary: "Changes the logged-in applicant's phone and e-mail, the password recovery channels",
    access: 'applicant',
    body: contactsBodySchema,
    responses: { 200: '`{user}` with the new `phone` and `email`', ...refusals },
    async handler(ctx, { body }) {
      const change = { ...body, address: ctx.ip };
      const account = await changeContacts(services.engine, requireAccount(ctx), change);
      ctx.body = { user: publicAccount(account) };
    },
  };
}
