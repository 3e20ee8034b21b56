import type { ApiError } from '../../api/api-client';
import type { Translate } from '../../i18n/i18n';

/** A failed login in words, and the field it is about (the captcha, or the form as a whole). */
export interface LoginProblem {
  field: 'captcha' | 'form';
  message: string;
}

/**
 * Wrong captcha, locked (with the wait from Retry-After), wrong credentials, anything else with
 * the API's own (translated) message.
 */
export function loginProblem(error: ApiError, t: Translate): LoginProblem {
  if (error.code === 'captcha_invalid')
    return { field: 'captcha', message: t('login.error.captcha') };
  if (error.code === 'locked') return { field: 'form', message: lockedMessage(error, t) };
  if (error.code === 'invalid_credentials') {
    return { field: 'form', message: t('login.error.credentials') };
  }
  if (error.status === 0) return { field: 'form', message: t('shell.error.network') };
  return { field: 'form', message: error.message };
}

function lockedMessage(error: ApiError, t: Translate): string {
  const seconds = error.retryAfterSeconds;
  if (!seconds) return t('login.error.lockedNoWait');
  if (seconds < 120) return t('login.error.lockedSeconds', { seconds });
  return t('login.error.lockedMinutes', { minutes: Math.ceil(seconds / 60) });
}
