import type { Database } from '../database/database';

/** What the authentication trail records. */
export type AuthEventType =
  | 'login'
  | 'login_failed'
  | 'bind'
  | 'bind_failed'
  | 'unbind'
  | 'password_change'
  | 'contacts_change';

export interface AuthEvent {
  /** Null when no account could be named (a failure for an unknown user or identity). */
  accountId: string | null;
  type: AuthEventType;
  /** `password`, `certificate` or `sso`. */
  method: string;
  address: string | null;
  detail?: Record<string, unknown>;
  at: Date;
}

/** Appends one entry to the authentication trail. */
export async function recordAuthEvent(database: Database, event: AuthEvent): Promise<void> {
  await database('auth_events').insert({
    account_id: event.accountId,
    type: event.type,
    method: event.method,
    address: event.address,
    detail: JSON.stringify(event.detail ?? {}),
    at: event.at,
  });
}

/** An account's trail, newest first. */
export async function listAuthEvents(
  database: Database,
  accountId: string,
  limit = 50,
): Promise<AuthEvent[]> {
  const rows = await database('auth_events')
    .where({ account_id: accountId })
    .orderBy('id', 'desc')
    .limit(limit);
  return rows.map((row: Record<string, unknown>) => ({
    accountId: String(row.account_id),
    type: row.type as AuthEventType,
    method: String(row.method),
    address: (row.address as string | null) ?? null,
    detail: (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<
      string,
      unknown
    >,
    at: new Date(row.at as Date),
  }));
}
