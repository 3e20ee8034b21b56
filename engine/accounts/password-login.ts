import type { Database } from '../database/database';
import { type Account, accountFromRow, findAccountRowByUsername } from './account';
import {
  accountThrottleKey,
  addressThrottleKey,
  clearLoginFailures,
  lockedFor,
  loginThrottlePolicy,
  recordLoginFailure,
} from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './password-hash';

export interface PasswordLogin {
  username: string;
  password: string;
  /** The client's address, for the per-address lockout. */
  address: string;
}

export type LoginOutcome =
  | { kind: 'ok'; account: Account }
  | { kind: 'invalid_credentials' }
  | { kind: 'locked'; retryAfterMs: number };

/**
 * Checks a username and password against the lockouts of the account and of the address. While
 * either is locked even the right password is refused, without hashing anything. An unknown
 * username is compared against a dummy hash and counts its failures like a real one, so neither
 * the answer, its timing nor the lockout tells whether the account exists. A success clears the
 * account's failures (not the address's: one good login must not reset a password sprayer).
 */
export async function passwordLogin(
  database: Database,
  login: PasswordLogin,
  now: Date,
): Promise<LoginOutcome> {
  const accountKey = accountThrottleKey(login.username);
  const addressKey = addressThrottleKey(login.address);
  const locked = await lockedFor(database, [accountKey, addressKey], now);
  if (locked > 0) return { kind: 'locked', retryAfterMs: locked };

  const row = await findAccountRowByUsername(database, login.username);
  const hash = row ? String(row.password_hash) : await dummyPasswordHash;
  const matches = await verifyPassword(login.password, hash);
  if (row && matches) {
    await clearLoginFailures(database, accountKey);
    return { kind: 'ok', account: accountFromRow(row) };
  }

  const { accountThreshold, addressThreshold } = loginThrottlePolicy;
  const locks = await Promise.all([
    recordLoginFailure(database, accountKey, accountThreshold, now),
    recordLoginFailure(database, addressKey, addressThreshold, now),
  ]);
  const until = Math.max(0, ...locks.map((end) => (end ? end.getTime() - now.getTime() : 0)));
  return until > 0 ? { kind: 'locked', retryAfterMs: until } : { kind: 'invalid_credentials' };
}
