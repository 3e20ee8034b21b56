import type { Database } from '../database/database';
import { loginThrottlePolicy } from './login-throttle';
import { sessionLimits } from './session-store';

/** How many rows of each kind a sweep removed. */
export type SweepCounts = Record<string, number>;

/**
 * Deletes what login and recovery leave behind once it can no longer be used: expired
 * captchas, sessions and binding tokens, password recoveries a day after they ended, and
 * lockout counters that the throttle has forgotten anyway. Nothing here is evidence: the audit
 * trails (application events, auth events) are never swept. Idempotent, so every process may
 * run it.
 */
export async function sweepExpiredRecords(database: Database, now: Date): Promise<SweepCounts> {
  const idleSince = new Date(now.getTime() - sessionLimits.idleMs);
  const forgottenSince = new Date(now.getTime() - loginThrottlePolicy.forgetAfterMs);
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
  return {
    captchas: await database('captchas').where('expires_at', '<', now).delete(),
    sessions: await database('sessions')
      .where('expires_at', '<', now)
      .orWhere('last_seen_at', '<', idleSince)
      .delete(),
    loginFailures: await database('login_failures')
      .where('updated_at', '<', forgottenSince)
      .andWhere((locked) => locked.whereNull('locked_until').orWhere('locked_until', '<', now))
      .delete(),
    recoveries: await database('account_recoveries').where('expires_at', '<', dayAgo).delete(),
    bindingTokens: await database('identity_binding_tokens').where('expires_at', '<', now).delete(),
  };
}
