import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../database/database';

export type AuthLevel = 'password' | 'certificate' | 'sso';

/** Session lifetimes; an idle session ends sooner than the absolute limit. */
export const sessionLimits = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
  /** Touching every request would write on every read; a minute of slack is plenty. */
  touchAfterMs: 60 * 1000,
};

export interface SessionRecord {
  /** Hash of the cookie value: the cookie itself is never stored. */
  id: string;
  accountId: string | null;
  csrfToken: string;
  authLevel: AuthLevel | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface NewSession {
  /** The cookie value to hand the client. */
  sid: string;
  session: SessionRecord;
}

/**
 * Server-side sessions. The client holds a random token; the store holds its sha256, so a leaked
 * store does not give away live sessions. Kept in PostgreSQL, or in Redis when REDIS_URL is set
 * (see redis-session-store.ts); both honour the same limits.
 */
export interface SessionStore {
  create(accountId: string | null, authLevel: AuthLevel | null, now?: Date): Promise<NewSession>;
  /** The live session of a cookie value, touched; null when unknown, idle too long or expired. */
  read(sid: string, now?: Date): Promise<SessionRecord | null>;
  destroy(sid: string): Promise<void>;
  /** Ends every session of an account, e.g. after a password reset; answers how many. */
  destroyAccount(accountId: string): Promise<number>;
}

/** Sessions in the `sessions` table. */
export function postgresSessionStore(database: Database): SessionStore {
  return {
    async create(accountId, authLevel, now = new Date()) {
      const { sid, session } = newSession(accountId, authLevel, now);
      await database('sessions').insert(sessionToRow(session));
      return { sid, session };
    },
    async read(sid, now = new Date()) {
      if (!isSid(sid)) return null;
      const id = hashSid(sid);
      const row = await database('sessions').where({ id }).first();
      if (!row) return null;
      const session = sessionFromRow(row);
      if (!isLive(session, now)) {
        await database('sessions').where({ id }).delete();
        return null;
      }
      if (needsTouch(session, now)) {
        await database('sessions').where({ id }).update({ last_seen_at: now });
      }
      return session;
    },
    async destroy(sid) {
      await database('sessions')
        .where({ id: hashSid(sid) })
        .delete();
    },
    async destroyAccount(accountId) {
      return database('sessions').where({ account_id: accountId }).delete();
    },
  };
}

/** A new session record and the cookie value that names it. */
export function newSession(
  accountId: string | null,
  authLevel: AuthLevel | null,
  now: Date,
): NewSession {
  const sid = randomBytes(32).toString('base64url');
  const session: SessionRecord = {
    id: hashSid(sid),
    accountId,
    csrfToken: randomBytes(24).toString('base64url'),
    authLevel,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + sessionLimits.absoluteMs),
  };
  return { sid, session };
}

/** Cookie values are 43 base64url characters; anything else is not worth a lookup. */
export function isSid(sid: string): boolean {
  return /^[A-Za-z0-9_-]{20,100}$/.test(sid);
}

export function hashSid(sid: string): string {
  return createHash('sha256').update(sid).digest('hex');
}

export function isLive(session: SessionRecord, now: Date): boolean {
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  return session.expiresAt > now && idleSince <= sessionLimits.idleMs;
}

export function needsTouch(session: SessionRecord, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() > sessionLimits.touchAfterMs;
}

function sessionToRow(session: SessionRecord) {
  return {
    id: session.id,
    account_id: session.accountId,
    csrf_token: session.csrfToken,
    auth_level: session.authLevel,
    created_at: session.createdAt,
    last_seen_at: session.lastSeenAt,
    expires_at: session.expiresAt,
  };
}

function sessionFromRow(row: Record<string, unknown>): SessionRecord {
  return {
    id: String(row.id),
    accountId: (row.account_id as string | null) ?? null,
    csrfToken: String(row.csrf_token),
    authLevel: (row.auth_level as AuthLevel | null) ?? null,
    createdAt: new Date(row.created_at as Date),
    lastSeenAt: new Date(row.last_seen_at as Date),
    expiresAt: new Date(row.expires_at as Date),
  };
}
