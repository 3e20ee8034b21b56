import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { Database } from '../database/database';
import { EngineError } from '../engine-error';

/** What the callback needs to finish a login that the browser started. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** A local path of the portal, checked before it got here. */
  returnTo: string;
}

/** How long a person has to log in at the provider before the login must start over. */
export const pendingLoginLifetimeMs = 10 * 60_000;

/** Spent rows are kept this long past their expiry, so that a late replay is named a replay. */
const keptAfterExpiryMs = 60 * 60_000;

/** A random secret for the browser's cookie, which seals its pending logins. */
export function newBrowserSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Browser secrets are 43 base64url characters; anything else is not one of ours. */
export function isBrowserSecret(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * Stores a login on its way to the provider, sealed with the browser's secret, and clears rows
 * long past their expiry while at it.
 */
export async function savePendingLogin(
  database: Database,
  login: PendingLogin,
  browserSecret: string,
  now: Date,
): Promise<void> {
  await database('sso_logins')
    .where('expires_at', '<', new Date(now.getTime() - keptAfterExpiryMs))
    .delete();
  await database('sso_logins').insert({
    state_hash: stateHash(login.state),
    sealed: seal(login, browserSecret),
    created_at: now,
    expires_at: new Date(now.getTime() + pendingLoginLifetimeMs),
  });
}

/**
 * Spends the pending login of a callback's `state` and answers it. Refusals (EngineError,
 * kind `not_allowed`): `sso_state_mismatch` when no login of this browser has that state (an
 * unknown state, or one started in another browser: such a callback spends nothing),
 * `sso_callback_replayed` when its login was spent by an earlier callback, `sso_login_expired`
 * when it waited too long.
 */
export async function spendPendingLogin(
  database: Database,
  state: string,
  browserSecret: string | undefined,
  now: Date,
): Promise<PendingLogin> {
  const row = await database('sso_logins')
    .where({ state_hash: stateHash(state) })
    .first();
  if (!row) throw stateMismatch('no login was started with this state');
  if (row.used_at) throw ssoRefusal('sso_callback_replayed', 'this login was already finished');
  const login = browserSecret ? unseal(String(row.sealed), browserSecret) : null;
  if (!login || login.state !== state) {
    throw stateMismatch('this login was started in another browser');
  }
  if (new Date(row.expires_at) <= now) {
    throw ssoRefusal('sso_login_expired', 'the login took too long; start it again');
  }
  const spent = await database('sso_logins')
    .where({ state_hash: stateHash(state) })
    .whereNull('used_at')
    .update({ used_at: now });
  if (Number(spent) === 0) throw ssoRefusal('sso_callback_replayed', 'this login was finished');
  return login;
}

/** A refused unified-identity login; the API answers it as a failed login. */
export function ssoRefusal(code: string, message: string): EngineError {
  return new EngineError('not_allowed', code, message);
}

function stateMismatch(message: string): EngineError {
  return ssoRefusal('sso_state_mismatch', message);
}

function stateHash(state: string): string {
  return createHash('sha256').update(`sso-state:${state}`).digest('hex');
}

function seal(login: PendingLogin, browserSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(browserSecret), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(login), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

/** The login, or null when the secret is not the one that sealed it (or the row is damaged). */
function unseal(sealed: string, browserSecret: string): PendingLogin | null {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(browserSecret), iv);
    decipher.setAuthTag(tag);
    const text = Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    return JSON.parse(text) as PendingLogin;
  } catch {
    return null;
  }
}

function sealingKey(browserSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', browserSecret, '', 'matterflow sso login', 32));
}
