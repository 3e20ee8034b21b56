import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../database/database';
import type { EngineContext } from '../engine-context';
import { badInput, conflict } from '../engine-error';
import { type RecoveryRow, openRecovery, recoveryPolicy, secretHash } from './account-recovery';

/**
 * Checks the code of a recovery and answers a reset token (15 minutes, single use). Every try
 * counts, counted in the database so parallel tries cannot exceed the bound; the fifth wrong one
 * ends the recovery. Fails with `recovery_not_found` (404), `code_not_sent` or
 * `recovery_closed` (409), `code_attempts_exceeded` (409), `code_expired` or `code_invalid` (422).
 */
export async function verifyRecoveryCode(
  context: EngineContext,
  recoveryId: string,
  code: string,
): Promise<{ resetToken: string }> {
  const { database } = context;
  const now = context.now();
  const recovery = await openRecovery(database, recoveryId, now);
  if (recovery.status === 'dead') throw attemptsExceeded();
  if (recovery.status !== 'open') {
    throw conflict('recovery_closed', 'this recovery was completed; start again');
  }
  if (!recovery.code_hash) throw conflict('code_not_sent', 'ask for a code first');

  const attempts = await countAttempt(database, recoveryId);
  if (attempts === undefined) throw attemptsExceeded();
  if (new Date(recovery.code_expires_at ?? 0) <= now)
    throw codeRefused('code_expired', 'the code has expired; ask for a new one');
  if (!sameHash(recovery.code_hash, secretHash(recoveryId, code))) {
    if (attempts >= recoveryPolicy.maxAttempts) {
      await database('account_recoveries').where({ id: recoveryId }).update({ status: 'dead' });
      throw attemptsExceeded();
    }
    const left = recoveryPolicy.maxAttempts - attempts;
    throw codeRefused('code_invalid', `the code is wrong; ${left} attempts left`);
  }
  return issueResetToken(database, recovery, now);
}

/** One more try, or undefined when the tries are used up. */
async function countAttempt(database: Database, recoveryId: string): Promise<number | undefined> {
  const [row] = await database('account_recoveries')
    .where({ id: recoveryId, status: 'open' })
    .where('attempts', '<', recoveryPolicy.maxAttempts)
    .increment('attempts', 1)
    .returning('attempts');
  return row ? Number(row.attempts) : undefined;
}

async function issueResetToken(
  database: Database,
  recovery: RecoveryRow,
  now: Date,
): Promise<{ resetToken: string }> {
  const resetToken = randomBytes(32).toString('base64url');
  const updated = await database('account_recoveries')
    .where({ id: recovery.id, status: 'open' })
    .update({
      status: 'verified',
      code_hash: null,
      reset_token_hash: secretHash('reset', resetToken),
      reset_expires_at: new Date(now.getTime() + recoveryPolicy.resetTokenLifetimeMs),
    });
  if (Number(updated) === 0) throw conflict('recovery_closed', 'this recovery was completed');
  return { resetToken };
}

function sameHash(stored: string, given: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(given, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function attemptsExceeded() {
  return conflict(
    'code_attempts_exceeded',
    `the code was entered wrong ${recoveryPolicy.maxAttempts} times; start the recovery again`,
  );
}

function codeRefused(code: string, message: string) {
  return badInput(code, message, [{ pointer: '/code', code, message }]);
}
