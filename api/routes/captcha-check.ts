import { consumeCaptcha } from '../../engine/accounts/captcha-store';
import type { ErrorDetail } from '../../engine/engine-error';
import type { ApiServices } from '../api-services';
import { HttpError } from '../http/http-error';

const messages = {
  'zh-CN': '验证码错误或已失效，请重新获取',
  en: 'the captcha answer is wrong, used or expired; get a new captcha',
};

/** The detail of a failed captcha, at /captchaAnswer. */
export const captchaDetail: ErrorDetail = {
  pointer: '/captchaAnswer',
  code: 'captcha_invalid',
  message: messages.en,
  messages,
};

/**
 * Checks and uses up the captcha a body names; undefined when it was solved (or the captcha is
 * off), else the detail to report. Wrong, reused, expired and unknown captchas look the same.
 */
export async function captchaProblem(
  services: ApiServices,
  body: { captchaId?: unknown; captchaAnswer?: unknown },
): Promise<ErrorDetail | undefined> {
  if (!services.config.captcha) return undefined;
  const { database } = services.engine;
  const solved = await consumeCaptcha(
    database,
    body.captchaId,
    body.captchaAnswer,
    services.engine.now(),
  );
  return solved ? undefined : captchaDetail;
}

/** The captcha check of a request that has nothing else to report: 422 `captcha_invalid`. */
export async function requireCaptcha(
  services: ApiServices,
  body: { captchaId?: unknown; captchaAnswer?: unknown },
): Promise<void> {
  const problem = await captchaProblem(services, body);
  if (problem) throw new HttpError(422, 'captcha_invalid', problem.message, [problem]);
}

/** Body schema properties of the captcha fields; required unless the captcha is off. */
export const captchaProperties = {
  captchaId: { type: 'string', maxLength: 100, description: 'the `id` from GET /api/captcha' },
  captchaAnswer: { type: 'string', maxLength: 100, description: 'the text in the picture' },
};
