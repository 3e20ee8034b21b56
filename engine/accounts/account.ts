import { randomUUID } from 'node:crypto';
import type { Database } from '../database/database';
import type { EngineActor } from '../engine-context';
import { conflict } from '../engine-error';
import { hashPassword } from './password-hash';
import type { AuthLevel } from './session-store';

export type AccountKind = 'individual' | 'enterprise' | 'officer' | 'admin';

export interface Account {
  id: string;
  username: string;
  kind: AccountKind;
  displayName: string;
  phone: string | null;
  email: string | null;
  profile: Record<string, unknown>;
  roles: string[];
  /** Matters an officer covers; null covers every matter. */
  matters: string[] | null;
  createdAt: Date;
}

export interface NewAccount {
  username: string;
  password: string;
  kind: AccountKind;
  displayName: string;
  phone?: string;
  email?: string;
  profile?: Record<string, unknown>;
  roles?: string[];
  matters?: string[] | null;
}

/** Stores a new account with its password hashed; a taken username (any case) is a conflict. */
export async function createAccount(database: Database, account: NewAccount): Promise<Account> {
  const passwordHash = await hashPassword(account.password);
  const taken = await findAccountRowByUsername(database, account.username);
  if (taken) throw usernameTaken();
  try {
    const [row] = await database('accounts')
      .insert({
        id: randomUUID(),
        username: account.username,
        kind: account.kind,
        password_hash: passwordHash,
        display_name: account.displayName,
        phone: account.phone ?? null,
        email: account.email ?? null,
        profile: JSON.stringify(account.profile ?? {}),
        roles: account.roles ?? [],
        matters: account.matters ?? null,
      })
      .returning('*');
    return accountFromRow(row);
  } catch (error) {
    // Two registrations racing for one name: the unique index decides.
    if ((error as { code?: string }).code === '23505') throw usernameTaken();
    throw error;
  }
}

function usernameTaken() {
  return conflict('username_taken', 'this username is taken', [
    { pointer: '/username', code: 'username_taken', message: 'this username is taken' },
  ]);
}

export async function findAccountRowByUsername(database: Database, username: string) {
  return database('accounts').whereRaw('lower(username) = lower(?)', [username]).first();
}

export async function findAccount(database: Database, id: string): Promise<Account | null> {
  const row = await database('accounts').where({ id }).first();
  return row ? accountFromRow(row) : null;
}

export function accountFromRow(row: Record<string, unknown>): Account {
  const profile = typeof row.profile === 'string' ? JSON.parse(row.profile) : row.profile;
  return {
    id: String(row.id),
    username: String(row.username),
    kind: row.kind as AccountKind,
    displayName: String(row.display_name),
    phone: (row.phone as string | null) ?? null,
    email: (row.email as string | null) ?? null,
    profile: (profile ?? {}) as Record<string, unknown>,
    roles: (row.roles as string[] | null) ?? [],
    matters: (row.matters as string[] | null) ?? null,
    createdAt: row.created_at as Date,
  };
}

/** How the engine sees a logged-in account. */
export function actorOf(account: Account, authLevel: AuthLevel | null): EngineActor {
  if (account.kind === 'officer' || account.kind === 'admin') {
    return {
      id: account.id,
      kind: account.kind,
      roles: account.roles,
      matters: account.matters ?? undefined,
    };
  }
  return {
    id: account.id,
    kind: 'applicant',
    applicantType: account.kind,
    authLevel: authLevel === 'certificate' ? 'certificate' : 'password',
  };
}

/** The account as the API shows it: never the hash. */
export function publicAccount(account: Account) {
  const { id, username, kind, displayName, phone, email, profile, roles, matters } = account;
  return { id, username, kind, displayName, phone, email, profile, roles, matters };
}

/** Replaces an account's password (hashed by the caller, outside any transaction). */
export async function setPasswordHash(
  database: Database,
  accountId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await database('accounts')
    .where({ id: accountId })
    .update({ password_hash: passwordHash, password_changed_at: now, updated_at: now });
}
