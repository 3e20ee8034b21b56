import { RuntimeConfigError } from '../engine/runtime/runtime-config';
import type { ApiConfig } from './api-services';

/**
 * Reads the HTTP settings: `CAPTCHA` (`on` by default; `off` for local testing, refused when
 * `NODE_ENV=production`), `SECURE_COOKIES` (`on`/`off`; on by default in production, where the
 * portal is behind HTTPS), `TRUST_PROXY` (`on`/`off`, default off) and `PUBLIC_URL` (the
 * portal's origin as browsers reach it). Throws
 * RuntimeConfigError naming the variable, so `serve` stops before it listens, with exit code 2
 * like every other configuration error.
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
  const secureCookies = onOff(env, 'SECURE_COOKIES', production);
  const trustProxy = onOff(env, 'TRUST_PROXY', false);
  const publicUrl = publicOrigin(env.PUBLIC_URL?.trim());
  return {
    captcha,
    secureCookies,
    trustProxy,
    jsonLimit: '1mb',
    ...(publicUrl && { publicUrl }),
  };
}

/** PUBLIC_URL: an http(s) origin, without a path, e.g. `https://portal.example.gov`. */
function publicOrigin(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const origin = url && /^https?:$/.test(url.protocol) ? url.origin : undefined;
  if (origin && `${origin}/` === url?.href) return origin;
  throw new RuntimeConfigError(
    'PUBLIC_URL',
    'PUBLIC_URL must be an http(s) origin without a path, such as ' +
      `https://portal.example.gov, not "${value}"`,
  );
}

function onOff(env: NodeJS.ProcessEnv, variable: string, fallback: boolean): boolean {
  const value = env[variable]?.trim().toLowerCase();
  if (!value) return fallback;
  if (value === 'on' || value === 'true' || value === '1') return true;
  if (value === 'off' || value === 'false' || value === '0') return false;
  throw new RuntimeConfigError(variable, `${variable} must be "on" or "off", not "${value}"`);
}
