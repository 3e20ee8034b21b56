import type Router from '@koa/router';
import {
  type RecoveryChannelName,
  recoveryPolicy,
  sendRecoveryCode,
  startRecovery,
} from '../../engine/accounts/account-recovery';
import { resetPassword } from '../../engine/accounts/password-reset';
import { verifyRecoveryCode } from '../../engine/accounts/recovery-verification';
import type { ApiServices } from '../api-services';
import { addRoute } from '../http/api-route';
import type { ApiState } from '../http/api-state';
import { HttpError } from '../http/http-error';
import type { ApiContext } from '../http/route-guards';
import { captchaProperties, requireCaptcha } from './captcha-check';

const recoveryPath = '/auth/recovery/:recoveryId';

/**
 * Password recovery (manual 1.2): username and captcha → the account's channels, masked → a
 * code by SMS or e-mail → the code → a reset token → a new password, after which every session
 * of the account has ended.
 */
export function recoveryRoutes(router: Router<ApiState>, services: ApiServices): void {
  addRoute<{ username: string; captchaId?: string; captchaAnswer?: string }>(router, {
    method: 'post',
    path: '/auth/recovery',
    tag: 'auth',
    summary: 'Starts a password recovery: the account’s channels, masked',
    access: 'public',
    body: {
      type: 'object',
      required: ['username'],
      additionalProperties: false,
      properties: {
        username: { type: 'string', minLength: 1, maxLength: 64 },
        ...captchaProperties,
      },
    },
    responses: {
      200: '`{recoveryId, channels: [{channel: "sms"|"email", masked}]}`',
      404: '`account_not_found`',
      422: '`captcha_invalid`',
    },
    async handler(ctx, { body }) {
      await requireCaptcha(services, body);
      ctx.body = await startRecovery(services.engine, body.username);
    },
  });

  addRoute<{ channel: RecoveryChannelName }>(router, {
    method: 'post',
    path: `${recoveryPath}/code`,
    tag: 'auth',
    summary: 'Sends a six-digit code by the channel chosen (through the outbox)',
    access: 'public',
    body: {
      type: 'object',
      required: ['channel'],
      additionalProperties: false,
      properties: { channel: { type: 'string', enum: ['sms', 'email'] } },
    },
    responses: {
      202: '`{channel, codeLifetimeSeconds, resendAfterSeconds}`: the code is on its way',
      404: '`recovery_not_found` (unknown or expired)',
      422: '`channel_unavailable`',
      429: '`code_throttled` with `Retry-After`: one code a minute per account',
    },
    async handler(ctx, { body }) {
      const sending = await sendRecoveryCode(services.engine, recoveryId(ctx), body.channel);
      if (sending.kind === 'throttled') throw throttled(sending.retryAfterMs);
      ctx.status = 202;
      ctx.body = {
        channel: body.channel,
        codeLifetimeSeconds: recoveryPolicy.codeLifetimeMs / 1000,
        resendAfterSeconds: recoveryPolicy.resendAfterMs / 1000,
      };
    },
  });

  addRoute<{ code: string }>(router, {
    method: 'post',
    path: `${recoveryPath}/verify`,
    tag: 'auth',
    summary: 'Checks the code and answers a reset token (five tries per recovery)',
    access: 'public',
    body: {
      type: 'object',
      required: ['code'],
      additionalProperties: false,
      properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } },
    },
    responses: {
      200: '`{resetToken}`, valid 15 minutes, once',
      404: '`recovery_not_found`',
      409: '`code_not_sent`, `code_attempts_exceeded` (the recovery is over), `recovery_closed`',
      422: '`code_invalid`, `code_expired`',
    },
    async handler(ctx, { body }) {
      ctx.body = await verifyRecoveryCode(services.engine, recoveryId(ctx), body.code);
    },
  });

  addRoute<{ resetToken: string; newPassword: string }>(router, {
    method: 'post',
    path: '/auth/recovery/reset',
    tag: 'auth',
    summary: 'Sets the new password; every session of the account ends',
    access: 'public',
    body: {
      type: 'object',
      required: ['resetToken', 'newPassword'],
      additionalProperties: false,
      properties: {
        resetToken: { type: 'string', minLength: 1, maxLength: 200 },
        newPassword: { type: 'string', maxLength: 256 },
      },
    },
    responses: {
      204: 'the password is changed',
      422: '`reset_token_invalid` (unknown, used or expired), or `invalid_fields` for the policy',
    },
    async handler(ctx, { body }) {
      await resetPassword(services.engine, body.resetToken, body.newPassword);
      ctx.status = 204;
    },
  });
}

function recoveryId(ctx: ApiContext): string {
  return (ctx.params as { recoveryId: string }).recoveryId;
}

function throttled(retryAfterMs: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new HttpError(
    429,
    'code_throttled',
    `a code was sent less than a minute ago; try again in ${seconds} seconds`,
    [],
    { 'Retry-After': String(seconds) },
  );
}
