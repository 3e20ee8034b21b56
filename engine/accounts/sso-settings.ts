import { RuntimeConfigError } from '../runtime/runtime-config';

/** The city's unified identity provider, as the portal is registered there. */
export interface SsoProviderSettings {
  /** The issuer URL; its discovery document is `/.well-known/openid-configuration` below it. */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes asked for; always holds `openid`. */
  scope: string;
}

/**
 * The portal's unified identity: a configured provider, the demo provider (for trying the
 * portal on one machine), or none (in production without a provider).
 */
export type SsoSetting = SsoProviderSettings | 'demo' | 'off';

export const defaultSsoScope = 'openid profile';

/**
 * Reads OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_SCOPE (default
 * `openid profile`). Without OIDC_ISSUER the portal runs its demo provider (`demo`), except
 * with NODE_ENV=production, where a demo identity provider has no place (`off`: unified
 * identity logins answer `sso_unavailable`). The issuer must be HTTPS, except on a loopback
 * host (a provider on this machine). Throws RuntimeConfigError naming the variable, so `serve`
 * stops before it listens.
 *
 * @example
 * const setting = ssoSettingsFromEnv(process.env); // 'demo' on a fresh clone
 */
export function ssoSettingsFromEnv(env: NodeJS.ProcessEnv): SsoSetting {
  const issuer = setting(env, 'OIDC_ISSUER');
  if (!issuer) {
    refuseStraySettings(env);
    return setting(env, 'NODE_ENV') === 'production' ? 'off' : 'demo';
  }
  return {
    issuer: issuerUrl(issuer),
    clientId: required(env, 'OIDC_CLIENT_ID'),
    clientSecret: required(env, 'OIDC_CLIENT_SECRET'),
    scope: scope(setting(env, 'OIDC_SCOPE') ?? defaultSsoScope),
  };
}

/** Whether plain HTTP to this host stays on the machine. */
export function isLoopbackHost(hostname: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

function issuerUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RuntimeConfigError('OIDC_ISSUER', `OIDC_ISSUER "${value}" is not a URL`);
  }
  const local = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !local) {
    throw new RuntimeConfigError(
      'OIDC_ISSUER',
      `OIDC_ISSUER must be an https:// URL (plain http only on localhost), not "${value}"`,
    );
  }
  if (url.search || url.hash) {
    throw new RuntimeConfigError('OIDC_ISSUER', 'OIDC_ISSUER takes no query or fragment');
  }
  return url;
}

function scope(value: string): string {
  const scopes = value.split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid')) {
    throw new RuntimeConfigError('OIDC_SCOPE', `OIDC_SCOPE must include "openid", not "${value}"`);
  }
  return scopes.join(' ');
}

function refuseStraySettings(env: NodeJS.ProcessEnv): void {
  for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_SCOPE']) {
    if (setting(env, name)) {
      throw new RuntimeConfigError(
        name,
        `${name} is set but OIDC_ISSUER is not; set OIDC_ISSUER too, ` +
          `or unset ${name} for the demo provider`,
      );
    }
  }
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = setting(env, name);
  if (value) return value;
  throw new RuntimeConfigError(name, `${name} is required when OIDC_ISSUER is set`);
}

function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
