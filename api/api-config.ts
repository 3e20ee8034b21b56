import { RuntimeConfigError } from '../engine/runtime/runtime-config';
import type { ApiConfig } from './api-services';

/**
 * Reads the HTTP settings: `CAPTCHA` (`on` by default; `off` for local testing, refused when
 * `NODE_ENV=production`), `SECURE_COOKIES` (`on`/`off`; on by default in production, where the
 * portal is behind HTTPS), `TRUST_PROXY` (`on`/`off`, default off), `PUBLIC_URL` (the
 * portal's origin as browsers reach it) and `CA_HELPER_URL` (the loopback origin of a local
 * signing helper for USB keys). Throws RuntimeConfigError naming the variable, so `serve` stops
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
  const secureCookies = onOff(env, 'SECURE_COOKIES', production);
  const trustProxy = onOff(env, 'TRUST_PROXY', false);
  const publicUrl = publicOrigin(env.PUBLIC_URL?.trim());
  const caHelperUrl = helperOrigin(env.CA_HELPER_URL?.trim());
  return {
    captcha,
    secureCookies,
    trustProxy,
    jsonLimit: '1mb',
    ...(publicUrl && { publicUrl }),
    ...(caHelperUrl && { caHelperUrl }),
  };
}

/** PUBLIC_URL: an http(s) origin, without a path, e.g. `https://portal.example.gov`. */
function publicOrigin(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const origin = originOf(value);
  if (origin) return origin;
  throw new RuntimeConfigError(
    'PUBLIC_URL',
    'PUBLIC_URL must be an http(s) origin without a path, such as ' +
      `https://portal.example.gov, not "${value}"`,
  );
}

/** The names under which a browser reaches this machine only. */
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * CA_HELPER_URL: the signing helper's http(s) origin on loopback, e.g. `http://127.0.0.1:17380`.
 * Only loopback, because the page sends the helper the challenge to sign and the helper must be
 * the person's own machine; the origin goes into the pages' connect-src.
 */
function helperOrigin(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const origin = originOf(value);
  if (origin && loopbackHosts.has(new URL(origin).hostname)) return origin;
  throw new RuntimeConfigError(
    'CA_HELPER_URL',
    'CA_HELPER_URL must be an http(s) origin on loopback (127.0.0.1, localhost or [::1]) ' +
      `without a path, such as http://127.0.0.1:17380, not "${value}"`,
  );
}

/** The http(s) origin `value` names, or undefined when it is no such origin or has a path. */
function originOf(value: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const origin = /^https?:$/.test(url.protocol) ? url.origin : undefined;
  return origin && `${origin}/` === url.href ? origin : undefined;
}

function onOff(env: NodeJS.ProcessEnv, variable: string, fallback: boolean): boolean {
  const value = env[variable]?.trim().toLowerCase();
  if (!value) return fallback;
  if (value === 'on' || value === 'true' || value === '1') return true;
  if (value === 'off' || value === 'false' || value === '0') return false;
  throw new RuntimeConfigError(variable, `${variable} must be "on" or "off", not "${value}"`);
}
