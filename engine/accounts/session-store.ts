import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../database/database';

export type AuthLevel = 'password' | 'certificate' | 'sso';

/** Session lifetimes; an idle session ends sooner than the absolute limit. */
export const sessionLimits = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
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
 * Server-side sessions in PostgreSQL. The client holds a random token; the table holds its
 * sha256, so a leaked table does not give away live sessions.
 */
export async function createSession(
  database: Database,
  accountId: string | null,
  authLevel: AuthLevel | null,
  now = new Date(),
): Promise<NewSession> {
  const sid = randomBytes(32).toString('base64url');
  const row = {
    id: hashSid(sid),
    account_id: accountId,
    csrf_token: randomBytes(24).toString('base64url'),
    auth_level: authLevel,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + sessionLimits.absoluteMs),
  };
  await database('sessions').insert(row);
  return { sid, session: sessionFromRow(row) };
}

/** The live session of a cookie value, touched; null when unknown, idle too long or expired. */
export async function readSession(
  database: Database,
  sid: string,
  now = new Date(),
): Promise<SessionRecord | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(sid)) return null;
  const id = hashSid(sid);
  const row = await database('sessions').where({ id }).first();
  if (!row) return null;
  const session = sessionFromRow(row);
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince > sessionLimits.idleMs) {
    await database('sessions').where({ id }).delete();
    return null;
  }
  // Touching every request would write on every read; a minute of slack is plenty for idling.
  if (idleSince > 60_000) await database('sessions').where({ id }).update({ last_seen_at: now });
  return session;
}

export async function destroySession(database: Database, sid: string): Promise<void> {
  await database('sessions')
    .where({ id: hashSid(sid) })
    .delete();
}

/** Ends every session of an account, e.g. after a password reset. */
export async function destroyAccountSessions(
  database: Database,
  accountId: string,
): Promise<number> {
  return database('sessions').where({ account_id: accountId }).delete();
}

function hashSid(sid: string): string {
  return createHash('sha256').update(sid).digest('hex');
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
