import type { Locale } from '../../definitions/matter-definition';
import { createChallenge } from '../../engine/certificates/ca-challenge';
import { type CertificateTrust, demoCertificateTrust } from '../../engine/certificates/ca-trust';
import {
  type CertificateLoginAttempt,
  certificateLogin,
} from '../../engine/certificates/certificate-login';
import { CertificateRefusal } from '../../engine/certificates/certificate-verification';
import { EngineError } from '../../engine/engine-error';
import type { ApiServices } from '../api-services';
import type { RouteModule } from '../app';
import { type RouteSpec, addRoute } from '../http/api-route';
import { HttpError } from '../http/http-error';
import type { ApiContext } from '../http/route-guards';
import { requestLocale } from '../presenters/request-locale';
import {
  type BindingBody,
  bindAndLogIn,
  bindingBodySchema,
  bindingResponses,
} from './identity-routes';
import { logIn } from './login-session';

type LoginBody = Omit<CertificateLoginAttempt, 'address'>;

/**
 * CA certificate login (manual section 2.2): the page asks for a challenge, has the certificate's
 * key sign its nonce (a PKCS#12 file opened in the page, or a local signing helper), and sends the
 * chain with the signature. A bound certificate logs in at the `certificate` level; on first use
 * the answer is 409 `binding_required` with a binding token for `POST /auth/ca/bind`.
 */
export const certificateLoginRoutes: RouteModule = (router, services) => {
  addRoute(router, {
    method: 'get',
    path: '/auth/ca/settings',
    tag: 'auth',
    summary: 'How the login page may sign: the local signing helper for USB keys, if any',
    access: 'public',
    responses: {
      200:
        '`{helperUrl}`: the loopback origin of the signing helper (CA_HELPER_URL) the page ' +
        'calls for `GET /certificates` and `POST /sign`, ' +
        'or null when only PKCS#12 files are offered',
    },
    handler(ctx) {
      ctx.set('Cache-Control', 'no-cache');
      ctx.body = { helperUrl: services.config.caHelperUrl ?? null };
    },
  });
  addRoute(router, {
    method: 'post',
    path: '/auth/ca/challenge',
    tag: 'auth',
    summary: 'A single-use nonce for the certificate to sign, valid two minutes',
    access: 'public',
    responses: {
      200:
        '`{challengeId, nonce, expiresAt}`: sign the UTF-8 bytes of `nonce` with ' +
        'SHA256withRSA (PKCS#1 v1.5) or SHA256withECDSA',
    },
    async handler(ctx) {
      const challenge = await createChallenge(services.engine.database, services.engine.now());
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { ...challenge, expiresAt: challenge.expiresAt.toISOString() };
    },
  });
  addRoute(router, loginRoute(services));
  addRoute<BindingBody>(router, {
    method: 'post',
    path: '/auth/ca/bind',
    tag: 'auth',
    summary: 'Binds the certificate of a binding token to an account (password checked), logs in',
    access: 'public',
    body: bindingBodySchema,
    responses: bindingResponses,
    async handler(ctx, { body }) {
      try {
        await bindAndLogIn(ctx, services, body, 'certificate');
      } catch (error) {
        throw translated(error, locale(ctx));
      }
    },
  });
};

function loginRoute(services: ApiServices): RouteSpec<LoginBody> {
  return {
    method: 'post',
    path: '/auth/ca/login',
    tag: 'auth',
    summary: 'Certificate login: the signed challenge and the certificate chain',
    access: 'public',
    body: loginBodySchema,
    responses: {
      200: '`{user, authLevel: "certificate", csrfToken}` and a new `sid` cookie',
      401:
        'refused: `certificate_untrusted`, `certificate_expired`, `certificate_not_yet_valid`, ' +
        '`certificate_revoked`, `certificate_key_usage`, `certificate_key_unsupported` or ' +
        '`signature_invalid`, with the pointer `/certificate` or `/signature`',
      409:
        '`binding_required` on first use: `error.bindingToken` (for `POST /api/auth/ca/bind`, ' +
        'valid 10 minutes) and `error.certificate: {label, issuer, subject}`',
      422:
        '`certificate_malformed`; `challenge_used`, `challenge_expired` or ' +
        '`challenge_invalid` (ask for a new challenge)',
    },
    async handler(ctx, { body }) {
      const { database } = services.engine;
      const attempt = { ...body, address: ctx.ip };
      let outcome;
      try {
        outcome = await certificateLogin(
          database,
          trustOf(services),
          attempt,
          services.engine.now(),
        );
      } catch (error) {
        throw translated(asHttpError(error), locale(ctx));
      }
      if (outcome.kind === 'bound') return logIn(ctx, services, outcome.account, 'certificate');
      const { label, issuer, subject } = outcome.identity;
      ctx.status = 409;
      ctx.body = {
        error: {
          code: 'binding_required',
          message: locale(ctx) === 'zh-CN' ? chineseMessages.binding_required : bindingRequired,
          details: [],
          bindingToken: outcome.bindingToken,
          certificate: { label, issuer, subject },
        },
      };
    },
  };
}

const loginBodySchema = {
  type: 'object',
  required: ['challengeId', 'certificate', 'signature'],
  additionalProperties: false,
  properties: {
    challengeId: {
      type: 'string',
      format: 'uuid',
      description: 'from `POST /api/auth/ca/challenge`',
    },
    certificate: {
      type: 'string',
      minLength: 1,
      maxLength: 65_536,
      pattern: '-----BEGIN CERTIFICATE-----',
      description: 'PEM: the certificate, then any intermediate CA certificates',
    },
    signature: {
      type: 'string',
      minLength: 1,
      maxLength: 2_048,
      pattern: '^[A-Za-z0-9+/_-]+={0,2}$',
      description: 'base64 of the signature over the UTF-8 bytes of the nonce',
    },
  },
};

/** Certificate refusals are failed logins (401); an unreadable certificate is bad input. */
function asHttpError(error: unknown): unknown {
  if (!(error instanceof CertificateRefusal)) return error;
  const status = error.refusal === 'certificate_malformed' ? 422 : 401;
  return new HttpError(status, error.code, error.message, error.details);
}

/** Chinese messages of the codes these routes answer; English keeps the engine's own words. */
const chineseMessages: Record<string, string> = {
  binding_required: '首次使用该证书登录，请绑定已注册的账号',
  binding_token_invalid: '绑定凭证无效或已过期，请重新使用证书登录',
  certificate_expired: '证书已过期，请向发证机构更新证书',
  certificate_key_unsupported: '不支持该证书的密钥类型',
  certificate_key_usage: '该证书不能用于签名登录，请使用签名证书',
  certificate_malformed: '证书格式不正确，请重新选择证书',
  certificate_not_yet_valid: '证书尚未生效',
  certificate_revoked: '证书已被吊销',
  certificate_untrusted: '证书不是由本系统信任的 CA 签发的',
  challenge_expired: '登录已超时，请重新登录',
  challenge_invalid: '登录请求无效，请重新登录',
  challenge_used: '登录请求已使用，请重新登录',
  identity_already_bound: '该证书已绑定其他账号',
  identity_mismatch: '证书中的证件号码与该账号不一致',
  signature_invalid: '签名验证失败，请重新登录',
};

const bindingRequired =
  'this certificate is not bound to an account yet; bind it with your username and password';

/** The error in Chinese when the request asks for it (and the code is one of ours). */
function translated(error: unknown, locale: Locale): unknown {
  if (locale !== 'zh-CN') return error;
  if (!(error instanceof EngineError || error instanceof HttpError)) return error;
  const message = chineseMessages[error.code];
  if (!message) return error;
  const details = error.details.map((detail) => ({
    ...detail,
    messages: { 'zh-CN': chineseMessages[detail.code] ?? detail.message, en: detail.message },
  }));
  return error instanceof HttpError
    ? new HttpError(error.status, error.code, message, details, error.headers)
    : new EngineError(error.kind, error.code, message, details, error.retryable);
}

function locale(ctx: ApiContext): Locale {
  return requestLocale(ctx.get('accept-language'));
}

let demoTrust: CertificateTrust | undefined;

/** The configured trust; a server started without one (some tests) trusts the demo CA. */
function trustOf(services: ApiServices): CertificateTrust {
  if (services.certificateTrust) return services.certificateTrust;
  demoTrust ??= demoCertificateTrust(services.logger);
  return demoTrust;
}
