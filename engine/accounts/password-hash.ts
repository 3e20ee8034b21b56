import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

/**
 * scrypt, a memory-hard function built into Node: N = 2^15, r = 8 costs 32 MiB and some tens of
 * milliseconds a hash, which makes guessing expensive. Stored as `scrypt$N$r$p$salt$hash`, so
 * the parameters can be raised later without breaking stored hashes.
 */
const parameters = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = parameters;
  const key = await derive(password, salt, N, r, p, keyLength);
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether the password matches the stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(
    password,
    Buffer.from(salt, 'base64'),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

function derive(
  password: string,
  salt: Buffer,
  N: number,
  r: number,
  p: number,
  length: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(
      password.normalize('NFKC'),
      salt,
      length,
      { N, r, p, maxmem: parameters.maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** A hash of a random password: compared against for unknown users, so timing tells nothing. */
export const dummyPasswordHash = hashPassword(randomBytes(16).toString('hex'));
