import { RuntimeConfigError } from '../engine/runtime/runtime-config';
import type { ApiConfig } from './api-services';

/**
 * Reads the HTTP settings: `CAPTCHA` (`on` by default; `off` for local testing, refused when
 * `NODE_ENV=production`) and `SECURE_COOKIES` (`on`/`off`; on by default in production, where
 * the portal is behind HTTPS). Throws RuntimeConfigError naming the variable, so `serve` stops
 * before it listens, with exit code 2 like every other configuration error.
 *
 * @example
 * const portal = await startPortal({ apiConfig: apiConfigFromEnv(process.env), modules });
 */
export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const production = env.NODE_ENV?.trim() === 'production';
  const captcha = onOff(env, 'CAPTCHA', true);
  if (!captcha && production) {
    throw new RuntimeConfigError(
      'CAPTCHA',
      'CAPTCHA=off is for local testing and is refused when NODE_ENV=production; unset CAPTCHA',
    );
  }
  return { captcha, secureCookies: onOff(env, 'SECURE_COOKIES', production), jsonLimit: '1mb' };
}

function onOff(env: NodeJS.ProcessEnv, variable: string, fallback: boolean): boolean {
  const value = env[variable]?.trim().toLowerCase();
  if (!value) return fallback;
  if (value === 'on' || value === 'true' || value === '1') return true;
  if (value === 'off' || value === 'false' || value === '0') return false;
  throw new RuntimeConfigError(variable, `${variable} must be "on" or "off", not "${value}"`);
}
