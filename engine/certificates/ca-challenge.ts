import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../database/database';
import { badInput } from '../engine-error';

/** How long a challenge may be signed and sent back. */
export const challengeLifetimeMs = 2 * 60_000;

/** Spent and expired challenges are kept this long, so a late reply hears why it failed. */
const keepAfterExpiryMs = 10 * 60_000;

export interface CertificateChallenge {
  challengeId: string;
  /** What the certificate's key signs, as the UTF-8 bytes of this string. */
  nonce: string;
  expiresAt: Date;
}

/**
 * A new challenge: a random 256-bit nonce, usable once within two minutes. Challenges long
 * past their expiry are swept on the way.
 *
 * @example
 * const { challengeId, nonce } = await createChallenge(database, context.now());
 */
export async function createChallenge(
  database: Database,
  now: Date,
): Promise<CertificateChallenge> {
  const challenge = {
    challengeId: randomUUID(),
    nonce: randomBytes(32).toString('base64url'),
    expiresAt: new Date(now.getTime() + challengeLifetimeMs),
  };
  await database('certificate_challenges')
    .where('expires_at', '<', new Date(now.getTime() - keepAfterExpiryMs))
    .delete();
  await database('certificate_challenges').insert({
    id: challenge.challengeId,
    nonce: challenge.nonce,
    expires_at: challenge.expiresAt,
  });
  return challenge;
}

/**
 * Spends a challenge and answers its nonce. Whatever the login then decides, the challenge is
 * gone: one signature, one try. Refusals (422, pointer `/challengeId`): `challenge_used`,
 * `challenge_expired`, `challenge_invalid` (unknown, or swept long ago).
 */
export async function consumeChallenge(
  database: Database,
  challengeId: string,
  now: Date,
): Promise<string> {
  const [spent] = await database('certificate_challenges')
    .where({ id: challengeId })
    .whereNull('used_at')
    .where('expires_at', '>', now)
    .update({ used_at: now })
    .returning('nonce');
  if (spent) return String(spent.nonce);
  const row = await database('certificate_challenges').where({ id: challengeId }).first();
  if (!row)
    throw challengeRefused('challenge_invalid', 'the challenge is unknown; ask for a new one');
  if (row.used_at) {
    throw challengeRefused('challenge_used', 'the challenge was already used; ask for a new one');
  }
  throw challengeRefused(
    'challenge_expired',
    'the challenge expired; ask for a new one and sign it within two minutes',
  );
}

function challengeRefused(code: string, message: string) {
  return badInput(code, message, [{ pointer: '/challengeId', code, message }]);
}
