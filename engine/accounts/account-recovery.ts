import { createHash, randomInt, randomUUID } from 'node:crypto';
import { isUuid } from '../applications/application-access';
import { writeOutbox } from '../applications/application-effects';
import type { Database } from '../database/database';
import type { EngineContext } from '../engine-context';
import { badInput, notFound } from '../engine-error';
import { type Account, accountFromRow, findAccount, findAccountRowByUsername } from './account';
import { maskEmail, maskPhone } from './masked-contact';

/** Lifetimes and bounds of a password recovery (manual section 1.2). */
export const recoveryPolicy = {
  lifetimeMs: 30 * 60_000,
  codeLifetimeMs: 10 * 60_000,
  /** Between two codes sent for one account, whatever recovery asked. */
  resendAfterMs: 60_000,
  maxAttempts: 5,
  resetTokenLifetimeMs: 15 * 60_000,
};

export type RecoveryChannelName = 'sms' | 'email';

export interface RecoveryChannel {
  channel: RecoveryChannelName;
  masked: string;
}

export interface RecoveryStart {
  recoveryId: string;
  channels: RecoveryChannel[];
}

export interface RecoveryRow {
  id: string;
  account_id: string;
  status: 'open' | 'verified' | 'dead' | 'used';
  channel: string | null;
  code_hash: string | null;
  code_sent_at: Date | null;
  code_expires_at: Date | null;
  attempts: number;
  reset_expires_at: Date | null;
  expires_at: Date;
}

export type CodeSending = { kind: 'sent' } | { kind: 'throttled'; retryAfterMs: number };

/**
 * Starts a recovery for a username and lists the account's channels, masked. An unknown
 * username is `account_not_found` (404): registration already tells whether a username is taken,
 * so hiding it here would protect nothing, while the captcha in front of both keeps lookups slow.
 */
export async function startRecovery(
  context: EngineContext,
  username: string,
): Promise<RecoveryStart> {
  const row = await findAccountRowByUsername(context.database, username);
  if (!row) throw notFound('account_not_found', `no account is named "${username}"`);
  const account = accountFromRow(row);
  const now = context.now();
  const recoveryId = randomUUID();
  await context.database('account_recoveries').insert({
    id: recoveryId,
    account_id: account.id,
    status: 'open',
    created_at: now,
    expires_at: new Date(now.getTime() + recoveryPolicy.lifetimeMs),
  });
  return { recoveryId, channels: channelsOf(account) };
}

export function channelsOf(account: Account): RecoveryChannel[] {
  const channels: RecoveryChannel[] = [];
  if (account.phone) channels.push({ channel: 'sms', masked: maskPhone(account.phone) });
  if (account.email) channels.push({ channel: 'email', masked: maskEmail(account.email) });
  return channels;
}

/**
 * Sends a fresh six-digit code by the channel chosen, through the outbox as a `message` row, so
 * it reaches SMTP or the SMS gateway like any notification. The code is stored hashed and lives
 * ten minutes; a new one replaces the old. One account gets at most one code a minute, across
 * all its recoveries, so a recovery cannot be turned into an SMS cannon.
 */
export async function sendRecoveryCode(
  context: EngineContext,
  recoveryId: string,
  channel: RecoveryChannelName,
): Promise<CodeSending> {
  const now = context.now();
  const recovery = await openRecovery(context.database, recoveryId, now);
  const account = await findAccount(context.database, recovery.account_id);
  const to = channel === 'sms' ? account?.phone : account?.email;
  if (!account || !to) throw channelUnavailable(channel);
  const wait = await resendWait(context.database, account.id, now);
  if (wait > 0) return { kind: 'throttled', retryAfterMs: wait };

  const code = String(randomInt(1_000_000)).padStart(6, '0');
  await context.database.transaction(async (trx) => {
    await trx('account_recoveries')
      .where({ id: recoveryId })
      .update({
        channel,
        code_hash: secretHash(recoveryId, code),
        code_sent_at: now,
        code_expires_at: new Date(now.getTime() + recoveryPolicy.codeLifetimeMs),
      });
    await writeOutbox(trx, null, 'message', codeMessage(channel, to, code));
  });
  context.afterCommit();
  return { kind: 'sent' };
}

/** The recovery while it is open, or `recovery_not_found` (also once it has expired). */
export async function openRecovery(
  database: Database,
  recoveryId: string,
  now: Date,
): Promise<RecoveryRow> {
  const row: RecoveryRow | undefined = isUuid(recoveryId)
    ? await database('account_recoveries').where({ id: recoveryId }).first()
    : undefined;
  if (!row || new Date(row.expires_at) <= now) {
    throw notFound('recovery_not_found', 'this recovery is unknown or has expired; start again');
  }
  return row;
}

/** A code or reset token as stored: its sha256, salted with the recovery id. */
export function secretHash(salt: string, secret: string): string {
  return createHash('sha256').update(`${salt}:${secret}`).digest('hex');
}

async function resendWait(database: Database, accountId: string, now: Date): Promise<number> {
  const last = await database('account_recoveries')
    .where({ account_id: accountId })
    .max('code_sent_at as sent')
    .first();
  if (!last?.sent) return 0;
  return Math.max(0, new Date(last.sent).getTime() + recoveryPolicy.resendAfterMs - now.getTime());
}

function codeMessage(channel: RecoveryChannelName, to: string, code: string) {
  const minutes = recoveryPolicy.codeLifetimeMs / 60_000;
  const text =
    `您正在找回密码，验证码 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略。` +
    (channel === 'email'
      ? `\n\nYour password recovery code is ${code}; it is valid for ${minutes} minutes. ` +
        'If you did not ask for it, ignore this message.'
      : '');
  // `secret`: the outbox drops the text once delivered (see completeOutboxRow).
  return { channel, to, subject: '找回密码验证码 / Password recovery code', text, secret: true };
}

function channelUnavailable(channel: string) {
  return badInput('channel_unavailable', `the account has no ${channel} channel`, [
    {
      pointer: '/channel',
      code: 'channel_unavailable',
      message: `the account has no ${channel} channel`,
    },
  ]);
}
