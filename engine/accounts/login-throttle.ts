import type { Database } from '../database/database';

/**
 * Lockout with back-off: `threshold` failures in a row lock the key for `firstLockMs`, and each
 * further lock of the same key doubles, up to `maxLockMs`. A key left alone for `forgetAfterMs`
 * starts over. An address gets a higher threshold than an account: many people may share one
 * (an office behind a NAT), while one account is one person.
 */
export const loginThrottlePolicy = {
  accountThreshold: 5,
  addressThreshold: 20,
  firstLockMs: 60_000,
  maxLockMs: 60 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
};

export const accountThrottleKey = (username: string) => `account:${username.toLowerCase()}`;
export const addressThrottleKey = (address: string) => `address:${address}`;

/** How much longer the longest lock among `keys` lasts, in ms; 0 when none is locked. */
export async function lockedFor(database: Database, keys: string[], now: Date): Promise<number> {
  const rows: { locked_until: Date | string | null }[] = await database('login_failures')
    .whereIn('key', keys)
    .where('locked_until', '>', now)
    .select('locked_until');
  const ends = rows.map((row) => new Date(row.locked_until ?? 0).getTime() - now.getTime());
  return Math.max(0, ...ends);
}

/**
 * Counts one failure against `key`. When it reaches the threshold the key is locked (the count
 * starts again at zero, the number of locks goes up) and the lock's end is returned.
 */
export async function recordLoginFailure(
  database: Database,
  key: string,
  threshold: number,
  now: Date,
): Promise<Date | null> {
  const forgetBefore = new Date(now.getTime() - loginThrottlePolicy.forgetAfterMs);
  const { rows } = await database.raw(
    `insert into login_failures (key, failures, lockouts, updated_at) values (?, 1, 0, ?)
     on conflict (key) do update set
       failures = case when login_failures.updated_at < ? then 1 else login_failures.failures + 1 end,
       lockouts = case when login_failures.updated_at < ? then 0 else login_failures.lockouts end,
       updated_at = excluded.updated_at
     returning failures, lockouts`,
    [key, now, forgetBefore, forgetBefore],
  );
  const counted = rows[0] as { failures: number | string; lockouts: number | string };
  if (Number(counted.failures) < threshold) return null;
  return lock(database, key, Number(counted.failures), Number(counted.lockouts), now);
}

/** Forgets the failures of a key, after a successful login. */
export async function clearLoginFailures(database: Database, key: string): Promise<void> {
  await database('login_failures').where({ key }).delete();
}

async function lock(
  database: Database,
  key: string,
  failures: number,
  lockouts: number,
  now: Date,
): Promise<Date> {
  const { firstLockMs, maxLockMs } = loginThrottlePolicy;
  const lockedUntil = new Date(now.getTime() + Math.min(firstLockMs * 2 ** lockouts, maxLockMs));
  // Two failures racing past the threshold lock once: only the one that saw this count updates.
  await database('login_failures')
    .where({ key, failures })
    .update({ failures: 0, lockouts: lockouts + 1, locked_until: lockedUntil });
  return lockedUntil;
}
