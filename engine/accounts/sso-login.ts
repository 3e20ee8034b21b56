import { randomBytes } from 'node:crypto';
import type { Database } from '../database/database';
import { EngineError } from '../engine-error';
import type { Account } from './account';
import { recordAuthEvent } from './auth-events';
import { findBoundAccount, issueBindingToken } from './identity-binding';
import type { SsoClient } from './sso-client';
import { savePendingLogin, spendPendingLogin, ssoRefusal } from './sso-pending-login';

export interface SsoLoginStart {
  /** A local path of the portal to land on once logged in. */
  returnTo: string;
  /** The secret of the browser's cookie; only that browser can finish the login. */
  browserSecret: string;
}

export interface SsoCallback {
  /** The callback as reached: the registered redirect URI with the provider's query. */
  url: URL;
  browserSecret: string | undefined;
  /** The client's address, for the authentication trail. */
  address: string;
}

export type SsoLoginOutcome =
  | { kind: 'bound'; account: Account; returnTo: string }
  | { kind: 'binding_required'; bindingToken: string; returnTo: string };

/**
 * Starts a unified-identity login: fresh `state`, `nonce` and PKCE verifier, kept for the
 * callback, and answers the provider's authorization URL to send the browser to. Fails with
 * `sso_unavailable` before storing anything when the provider cannot be reached.
 */
export async function startSsoLogin(
  database: Database,
  client: SsoClient,
  start: SsoLoginStart,
  now: Date,
): Promise<string> {
  await client.discover();
  const login = {
    state: randomToken(),
    nonce: randomToken(),
    codeVerifier: randomToken(),
    returnTo: start.returnTo,
  };
  await savePendingLogin(database, login, start.browserSecret, now);
  return client.authorizationUrl(login);
}

/**
 * Finishes a login at the portal's callback: spends the pending login of the callback's
 * `state`, exchanges the code and checks the ID token, then answers the bound account, or a
 * binding token when the identity is not bound yet. Refusals are EngineErrors with the codes of
 * `spendPendingLogin` and `SsoClient.identityOf`; each is recorded in the authentication trail
 * as a failed login, and so is a first use (code `binding_required`).
 */
export async function finishSsoLogin(
  database: Database,
  client: SsoClient,
  callback: SsoCallback,
  now: Date,
): Promise<SsoLoginOutcome> {
  try {
    return await finish(database, client, callback, now);
  } catch (error) {
    if (error instanceof EngineError) {
      const detail = { code: error.code, message: error.message, issuer: client.issuer };
      await recordFailure(database, callback, now, detail);
    }
    throw error;
  }
}

async function finish(
  database: Database,
  client: SsoClient,
  callback: SsoCallback,
  now: Date,
): Promise<SsoLoginOutcome> {
  const query = callback.url.searchParams;
  const login = await spendPendingLogin(
    database,
    query.get('state') ?? '',
    callback.browserSecret,
    now,
  );
  const providerError = query.get('error');
  if (providerError !== null) {
    throw ssoRefusal('sso_provider_error', `the provider answered ${shown(providerError)}`);
  }

  const identity = await client.identityOf(callback.url, login);
  const account = await findBoundAccount(database, identity, now);
  if (account) return { kind: 'bound', account, returnTo: login.returnTo };

  const bindingToken = await issueBindingToken(database, identity, now);
  await recordFailure(database, callback, now, {
    code: 'binding_required',
    issuer: identity.issuer,
    subject: identity.subject,
  });
  return { kind: 'binding_required', bindingToken, returnTo: login.returnTo };
}

async function recordFailure(
  database: Database,
  callback: SsoCallback,
  at: Date,
  detail: Record<string, unknown>,
): Promise<void> {
  await recordAuthEvent(database, {
    accountId: null,
    type: 'login_failed',
    method: 'sso',
    address: callback.address,
    detail,
    at,
  });
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A provider's error code as it may be shown: OAuth codes are short ASCII words. */
function shown(value: string): string {
  return value.replace(/[^\w.-]/g, '').slice(0, 64) || 'an error';
}
