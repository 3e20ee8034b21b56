import type { Redis } from 'ioredis';
import {
  type SessionRecord,
  type SessionStore,
  hashSid,
  isLive,
  isSid,
  needsTouch,
  newSession,
  sessionLimits,
} from './session-store';

/**
 * Sessions in Redis: one key per session holding its record, expiring with the idle limit (or
 * sooner, at the absolute limit), and a set per account naming its sessions so that a password
 * reset can end them all. Several API processes share it as they share PostgreSQL.
 *
 * @example
 * const sessions = redisSessionStore(new Redis(process.env.REDIS_URL), 'matterflow');
 */
export function redisSessionStore(redis: Redis, prefix: string): SessionStore {
  const sessionKey = (id: string) => `${prefix}:session:${id}`;
  const accountKey = (accountId: string) => `${prefix}:account-sessions:${accountId}`;

  async function save(session: SessionRecord, now: Date): Promise<void> {
    const ttl = timeToLive(session, now);
    const multi = redis.multi().set(sessionKey(session.id), serialize(session), 'PX', ttl);
    if (session.accountId) {
      multi.sadd(accountKey(session.accountId), session.id);
      multi.pexpire(accountKey(session.accountId), sessionLimits.absoluteMs);
    }
    await multi.exec();
  }

  return {
    async create(accountId, authLevel, now = new Date()) {
      const created = newSession(accountId, authLevel, now);
      await save(created.session, now);
      return created;
    },
    async read(sid, now = new Date()) {
      if (!isSid(sid)) return null;
      const stored = await redis.get(sessionKey(hashSid(sid)));
      const session = stored ? deserialize(stored) : null;
      if (!session) return null;
      if (!isLive(session, now)) {
        await redis.del(sessionKey(session.id));
        return null;
      }
      if (needsTouch(session, now)) await save({ ...session, lastSeenAt: now }, now);
      return session;
    },
    async destroy(sid) {
      await redis.del(sessionKey(hashSid(sid)));
    },
    async destroyAccount(accountId) {
      const ids = await redis.smembers(accountKey(accountId));
      if (ids.length === 0) return 0;
      const removed = await redis.del(...ids.map(sessionKey));
      await redis.del(accountKey(accountId));
      return removed;
    },
  };
}

/** The idle limit from now, but never past the absolute end. */
function timeToLive(session: SessionRecord, now: Date): number {
  const untilEnd = session.expiresAt.getTime() - now.getTime();
  return Math.max(1, Math.min(sessionLimits.idleMs, untilEnd));
}

function serialize(session: SessionRecord): string {
  return JSON.stringify(session);
}

/** A record that does not parse is treated as no session, never as an error. */
function deserialize(stored: string): SessionRecord | null {
  try {
    const raw = JSON.parse(stored) as Record<string, unknown>;
    return {
      id: String(raw.id),
      accountId: (raw.accountId as string | null) ?? null,
      csrfToken: String(raw.csrfToken),
      authLevel: (raw.authLevel as SessionRecord['authLevel']) ?? null,
      createdAt: new Date(String(raw.createdAt)),
      lastSeenAt: new Date(String(raw.lastSeenAt)),
      expiresAt: new Date(String(raw.expiresAt)),
    };
  } catch {
    return null;
  }
}
