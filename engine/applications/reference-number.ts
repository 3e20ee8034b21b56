import type { Database } from '../database/database';

/**
 * The day of reference numbers follows the office's calendar, not UTC. runtimeConfigFromEnv
 * refuses a zone Intl does not know before anything starts.
 */
export const referenceTimeZone = process.env.REFERENCE_TIME_ZONE?.trim() || 'Asia/Shanghai';

/**
 * Allocates the next human-readable reference number, such as SSZT20261203000042: the matter's
 * prefix, the office's date and a sequence per prefix and day. Runs inside the caller's
 * transaction, so a rolled-back start leaves no gap in use by another application.
 */
export async function nextReferenceNumber(
  trx: Database,
  prefix: string,
  now: Date,
): Promise<string> {
  const day = officeDay(now);
  const result = await trx.raw(
    `insert into reference_sequences (prefix, day, last) values (?, ?, 1)
     on conflict (prefix, day) do update set last = reference_sequences.last + 1
     returning last`,
    [prefix, day],
  );
  const last = Number(result.rows[0].last);
  return `${prefix}${day}${String(last).padStart(6, '0')}`;
}

function officeDay(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: referenceTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

/** A prefix for matters that name none: the initials of the id's words, upper case. */
export function defaultReferencePrefix(matterId: string): string {
  const initials = matterId
    .split('-')
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase();
  return initials.length >= 2 ? initials.slice(0, 10) : `M${initials}`;
}
