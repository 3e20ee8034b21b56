import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import svgCaptcha from 'svg-captcha';
import type { Database } from '../database/database';

/** How long a captcha may be answered. */
export const captchaLifetimeMs = 2 * 60 * 1000;

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/l/I, 2/Z, 5/S). */
const alphabet = 'ABCDEFGHJKMNPQRTUVWXYabcdefghjkmnpqrtuvwxy346789';

/** svg-captcha's module draws a given text; its typings declare only the random helpers. */
const drawText = svgCaptcha as unknown as (text: string, options: object) => string;

export interface Captcha {
  id: string;
  /** The picture as an SVG data URI, ready for an `<img src>`. */
  image: string;
}

/** A random captcha text of four characters from the unambiguous alphabet. */
export function randomCaptchaText(): string {
  return Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/**
 * Draws a captcha and stores its answer hashed (lower-cased, so the check ignores case) with a
 * two-minute expiry. Expired captchas are swept on the way. `text` is for tests that need to
 * know the answer; production draws a random one.
 *
 * @example
 * const { id, image } = await createCaptcha(database, context.now());
 */
export async function createCaptcha(
  database: Database,
  now: Date,
  text = randomCaptchaText(),
): Promise<Captcha> {
  const id = randomBytes(18).toString('base64url');
  await database('captchas').where('expires_at', '<', now).delete();
  await database('captchas').insert({
    id,
    answer_hash: answerHash(id, text),
    expires_at: new Date(now.getTime() + captchaLifetimeMs),
  });
  const svg = drawText(text, { width: 120, height: 40, noise: 2, color: true });
  return { id, image: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Whether `answer` solves captcha `id`. The captcha is used up by this check, right or wrong, so
 * one picture allows one guess; unknown, expired or already used ids are simply false.
 */
export async function consumeCaptcha(
  database: Database,
  id: unknown,
  answer: unknown,
  now: Date,
): Promise<boolean> {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{24}$/.test(id)) return false;
  const [row] = await database('captchas').where({ id }).delete().returning('*');
  if (!row || new Date(row.expires_at) <= now || typeof answer !== 'string') return false;
  const expected = Buffer.from(String(row.answer_hash), 'hex');
  const given = Buffer.from(answerHash(id, answer.trim()), 'hex');
  return timingSafeEqual(expected, given);
}

function answerHash(id: string, answer: string): string {
  return createHash('sha256').update(`${id}:${answer.toLowerCase()}`).digest('hex');
}
