import { publicAccount } from '../../engine/accounts/account';
import { passwordLogin } from '../../engine/accounts/password-login';
import {
  type Registration,
  registerAccount,
  registrationIssues,
} from '../../engine/accounts/registration';
import type { ApiServices } from '../api-services';
import type { RouteModule } from '../app';
import { type RouteSpec, addRoute } from '../http/api-route';
import { HttpError, locked } from '../http/http-error';
import { captchaProblem, captchaProperties, requireCaptcha } from './captcha-check';
import { logIn, logOut, startAnonymousSession } from './login-session';
import { recoveryRoutes } from './recovery-routes';

interface LoginBody {
  username: string;
  password: string;
  captchaId?: string;
  captchaAnswer?: string;
}

/**
 * Registration, password login with captcha and lockout, the session (with its CSRF token),
 * logout, and password recovery.
 */
export const authRoutes: RouteModule = (router, services) => {
  addRoute(router, registerRoute(services));
  addRoute(router, loginRoute(services));

  addRoute(router, {
    method: 'get',
    path: '/auth/session',
    tag: 'auth',
    summary:
      'The logged-in user (or null), how the session logged in, and the CSRF token; starts a ' +
      'session when none',
    access: 'public',
    responses: {
      200:
        '`{user, authLevel, csrfToken}`: `authLevel` is `password`, `certificate` or `sso` ' +
        '(null with no user); a new `sid` cookie when the request had none',
    },
    async handler(ctx) {
      const { session, account } = ctx.state;
      const csrfToken = session?.csrfToken ?? (await startAnonymousSession(ctx, services));
      ctx.set('Cache-Control', 'no-store');
      const user = account ? publicAccount(account) : null;
      ctx.body = { user, authLevel: (account && session?.authLevel) ?? null, csrfToken };
    },
  });

  addRoute(router, {
    method: 'post',
    path: '/auth/logout',
    tag: 'auth',
    summary: 'Ends the session and clears its cookie',
    access: 'public',
    responses: { 204: 'logged out (also when there was no session)' },
    async handler(ctx) {
      await logOut(ctx, services);
      ctx.status = 204;
    },
  });

  recoveryRoutes(router, services);
};

function registerRoute(services: ApiServices): RouteSpec<Record<string, unknown>> {
  return {
    method: 'post',
    path: '/auth/register',
    tag: 'auth',
    summary: 'Registers an individual or enterprise applicant',
    access: 'public',
    // Checked in full by the handler, so that the form, the domain formats (resident ID and
    // credit code check digits), the password policy and the captcha report at once.
    body: registrationDocument,
    responses: {
      201: '`{user}`',
      409: '`username_taken` with a `/username` pointer (whatever the case)',
      422: '`invalid_fields` with every bad field, or `captcha_invalid` when only the captcha is',
    },
    async handler(ctx, { body }) {
      const issues = registrationIssues(body);
      const captcha = await captchaProblem(services, body);
      if (captcha) issues.push(captcha);
      if (issues.length > 0) {
        const code = captcha && issues.length === 1 ? 'captcha_invalid' : 'invalid_fields';
        throw new HttpError(422, code, 'some fields are missing or wrong', issues);
      }
      const account = await registerAccount(
        services.engine.database,
        body as unknown as Registration,
      );
      ctx.status = 201;
      ctx.body = { user: publicAccount(account) };
    },
  };
}

function loginRoute(services: ApiServices): RouteSpec<LoginBody> {
  return {
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Password login with captcha; rotates the session',
    access: 'public',
    body: credentialsSchema,
    responses: {
      200: '`{user, authLevel: "password", csrfToken}` and a new `sid` cookie',
      401: '`invalid_credentials`, the same for an unknown user and a wrong password',
      422: '`captcha_invalid`',
      429:
        '`locked` with `Retry-After` (seconds), after repeated failures of the account or ' +
        'address',
    },
    async handler(ctx, { body }) {
      await requireCaptcha(services, body);
      const { database } = services.engine;
      const login = { username: body.username, password: body.password, address: ctx.ip };
      const outcome = await passwordLogin(database, login, services.engine.now());
      if (outcome.kind === 'locked') throw locked(outcome.retryAfterMs);
      if (outcome.kind === 'invalid_credentials') {
        throw new HttpError(401, 'invalid_credentials', 'the username or password is wrong');
      }
      await logIn(ctx, services, outcome.account, 'password');
    },
  };
}

/** The captcha fields are optional here: without them the check answers `captcha_invalid`. */
const credentialsSchema = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 256 },
    ...captchaProperties,
  },
};

const described = (description: string) => ({ description });

/** What the OpenAPI document shows of a registration; the handler checks the real rules. */
const registrationDocument = {
  type: 'object',
  description:
    'Every rule is checked at once and each broken one reported with its pointer: username ' +
    '4-32 characters of letters, digits, `_ - .`, starting with a letter, unique whatever the ' +
    'case; password 8-64 characters with three of lower, upper, digit, symbol, not containing ' +
    'the username; phone a mainland mobile number; a valid e-mail.',
  properties: {
    kind: described('`individual` or `enterprise`'),
    username: described('4-32 characters, starts with a letter'),
    password: described('8-64 characters, three character classes'),
    phone: described('mainland mobile number: a recovery channel'),
    email: described('e-mail address: a recovery channel'),
    profile: described(
      'individual: `{realName, idNumber}` (resident ID), optional `address`, `postalCode`; ' +
        'enterprise: `{enterpriseName, creditCode, legalRepresentative, contactName}`, optional ' +
        '`contactPhone`, `address`, `postalCode`',
    ),
    captchaId: described(captchaProperties.captchaId.description),
    captchaAnswer: described(captchaProperties.captchaAnswer.description),
  },
};
