import type { EngineContext } from '../engine-context';
import { badInput } from '../engine-error';
import { findAccount, setPasswordHash } from './account';
import { secretHash } from './account-recovery';
import { accountThrottleKey, clearLoginFailures } from './login-throttle';
import { hashPassword } from './password-hash';
import { passwordPolicyIssues } from './password-policy';

/**
 * Sets a new password with the reset token of a verified recovery, then ends every session of
 * the account and lifts its login lockout. The token works once, for 15 minutes: otherwise `reset_token_invalid` (422 at
 * /resetToken). A password against the policy is `invalid_fields` at /newPassword and leaves the
 * token usable for a better one.
 */
export async function resetPassword(
  context: EngineContext,
  resetToken: string,
  newPassword: string,
): Promise<void> {
  const { database } = context;
  const now = context.now();
  const tokenHash = secretHash('reset', resetToken);
  const recovery = await database('account_recoveries')
    .where({ reset_token_hash: tokenHash, status: 'verified' })
    .where('reset_expires_at', '>', now)
    .first();
  const account = recovery ? await findAccount(database, recovery.account_id) : null;
  if (!recovery || !account) throw tokenInvalid();
  const issues = passwordPolicyIssues(newPassword, account.username, '/newPassword');
  if (issues.length > 0) throw badInput('invalid_fields', 'the new password is too weak', issues);

  const passwordHash = await hashPassword(newPassword);
  await database.transaction(async (trx) => {
    const used = await trx('account_recoveries')
      .where({ id: recovery.id, status: 'verified' })
      .update({ status: 'used', reset_token_hash: null });
    if (Number(used) === 0) throw tokenInvalid();
    await setPasswordHash(trx, account.id, passwordHash, now);
  });
  await context.sessions.destroyAccount(account.id);
  // Whoever proved to own the account's phone or mailbox may log in at once.
  await clearLoginFailures(database, accountThrottleKey(account.username));
}

function tokenInvalid() {
  const message = 'the reset token is unknown, used or expired; start the recovery again';
  return badInput('reset_token_invalid', message, [
    { pointer: '/resetToken', code: 'reset_token_invalid', message },
  ]);
}
