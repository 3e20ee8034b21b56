import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../database/database';
import { EngineError, badInput, conflict, notFound } from '../engine-error';
import { type Account, accountFromRow } from './account';
import { recordAuthEvent } from './auth-events';
import { passwordLogin } from './password-login';

export type IdentityKind = 'certificate' | 'sso';

/**
 * An identity proved by something outside the portal: a CA certificate or the city's unified
 * identity provider. `issuer` + `subject` name it for good (issuer DN and serial number, or
 * issuer URL and `sub`).
 */
export interface ExternalIdentity {
  kind: IdentityKind;
  issuer: string;
  subject: string;
  /** What the account settings show, e.g. the certificate's subject CN and its CA. */
  label: string;
  /** Shown and audited, never trusted for matching: validity, key identifier, e-mail... */
  details?: Record<string, unknown>;
  /**
   * A resident ID or credit code the identity itself carries; binding then only succeeds to an
   * account whose profile holds the same number.
   */
  idNumber?: string;
}

export interface BoundIdentity {
  id: string;
  kind: IdentityKind;
  issuer: string;
  subject: string;
  label: string;
  details: Record<string, unknown>;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export interface IdentityBinding {
  bindingToken: string;
  username: string;
  password: string;
  /** The client's address: binding is a password login and shares its lockout. */
  address: string;
  /**
   * The kind the token must carry: the certificate bind route must not accept a unified-identity
   * token, or that identity would log in at the certificate level. The bind routes always set it.
   */
  kind?: IdentityKind;
}

/** How long a binding token lasts: long enough to look up one's password, no longer. */
export const bindingTokenLifetimeMs = 10 * 60_000;

/**
 * The account an identity is bound to, or null when it is not bound yet (the caller then issues
 * a binding token). Records the login time on the binding.
 */
export async function findBoundAccount(
  database: Database,
  identity: ExternalIdentity,
  now: Date,
): Promise<Account | null> {
  const row = await database('account_identities as i')
    .join('accounts as a', 'a.id', 'i.account_id')
    .where({ 'i.kind': identity.kind, 'i.issuer': identity.issuer, 'i.subject': identity.subject })
    .first('a.*', 'i.id as identity_id');
  if (!row) return null;
  await database('account_identities')
    .where({ id: row.identity_id })
    .update({ last_login_at: now });
  return accountFromRow(row);
}

/** A single-use token that carries an unbound identity to the bind page. */
export async function issueBindingToken(
  database: Database,
  identity: ExternalIdentity,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await database('identity_binding_tokens').insert({
    token_hash: tokenHash(token),
    kind: identity.kind,
    identity: JSON.stringify(identity),
    expires_at: new Date(now.getTime() + bindingTokenLifetimeMs),
  });
  return token;
}

/**
 * Binds the identity behind a binding token to the account whose username and password are
 * given, and answers that account (the caller logs it in). The password check is a password
 * login: it counts failures and honours the lockout. A wrong password leaves the token usable,
 * so a typo does not send the person back to their CA or identity provider; the lockout bounds
 * the guesses. The token is spent only by a binding that succeeds.
 *
 * Refusals (EngineError codes): `binding_token_invalid` (unknown, used or expired; 422),
 * `invalid_credentials` (401), `locked` (429, see `retryAfterMs`), `identity_mismatch` (the
 * identity carries an ID or credit-code number that is not the account's; 422),
 * `identity_already_bound` (409), `account_kind_not_allowed` (staff accounts bind nothing; 403).
 */
export async function bindIdentity(
  database: Database,
  binding: IdentityBinding,
  now: Date,
): Promise<{ account: Account; identity: BoundIdentity }> {
  const identity = await readBindingToken(database, binding, now);
  const login = {
    username: binding.username,
    password: binding.password,
    address: binding.address,
  };
  const outcome = await passwordLogin(database, login, now);
  if (outcome.kind === 'locked') throw new LockedError(outcome.retryAfterMs);
  if (outcome.kind === 'invalid_credentials') {
    await recordAuthEvent(database, {
      accountId: null,
      type: 'bind_failed',
      method: identity.kind,
      address: binding.address,
      detail: { username: binding.username, issuer: identity.issuer, subject: identity.subject },
      at: now,
    });
    throw new EngineError(
      'not_allowed',
      'invalid_credentials',
      'the username or password is wrong',
    );
  }
  const { account } = outcome;
  checkBindable(account, identity);
  const bound = await storeBinding(database, binding.bindingToken, account, identity, now);
  await recordAuthEvent(database, {
    accountId: account.id,
    type: 'bind',
    method: identity.kind,
    address: binding.address,
    detail: { identityId: bound.id, issuer: identity.issuer, subject: identity.subject },
    at: now,
  });
  return { account, identity: bound };
}

/** The identities bound to an account, oldest first. */
export async function listIdentities(
  database: Database,
  accountId: string,
): Promise<BoundIdentity[]> {
  const rows = await database('account_identities')
    .where({ account_id: accountId })
    .orderBy('created_at');
  return rows.map(identityFromRow);
}

/** Removes one of the account's bindings; `identity_not_found` when it is not theirs. */
export async function unbindIdentity(
  database: Database,
  accountId: string,
  identityId: string,
  event: { address: string; now: Date },
): Promise<BoundIdentity> {
  const [row] = await database('account_identities')
    .where({ id: identityId, account_id: accountId })
    .delete()
    .returning('*');
  if (!row) throw notFound('identity_not_found', 'no such identity is bound to this account');
  const identity = identityFromRow(row);
  await recordAuthEvent(database, {
    accountId,
    type: 'unbind',
    method: identity.kind,
    address: event.address,
    detail: { identityId, issuer: identity.issuer, subject: identity.subject },
    at: event.now,
  });
  return identity;
}

/** A binding refused because the account or address is locked out; the API answers 429. */
export class LockedError extends EngineError {
  constructor(readonly retryAfterMs: number) {
    super('not_allowed', 'locked', 'too many failed logins; try again later');
  }
}

async function readBindingToken(
  database: Database,
  binding: IdentityBinding,
  now: Date,
): Promise<ExternalIdentity> {
  const row = await database('identity_binding_tokens')
    .where({ token_hash: tokenHash(binding.bindingToken) })
    .where(binding.kind ? { kind: binding.kind } : {})
    .whereNull('used_at')
    .where('expires_at', '>', now)
    .first();
  if (!row) throw bindingTokenInvalid();
  return (
    typeof row.identity === 'string' ? JSON.parse(row.identity) : row.identity
  ) as ExternalIdentity;
}

function checkBindable(account: Account, identity: ExternalIdentity): void {
  if (account.kind !== 'individual' && account.kind !== 'enterprise') {
    throw new EngineError(
      'not_allowed',
      'account_kind_not_allowed',
      'only applicant accounts bind a certificate or unified identity',
    );
  }
  if (!identity.idNumber) return;
  const own = account.kind === 'individual' ? account.profile.idNumber : account.profile.creditCode;
  if (String(own ?? '').toUpperCase() !== identity.idNumber.toUpperCase()) {
    const message =
      account.kind === 'individual'
        ? 'the certificate belongs to another resident ID number than this account'
        : 'the certificate belongs to another unified social credit code than this account';
    throw badInput('identity_mismatch', message, [
      { pointer: '/username', code: 'identity_mismatch', message },
    ]);
  }
}

/** Spends the token and stores the binding in one transaction; a raced second use loses. */
async function storeBinding(
  database: Database,
  token: string,
  account: Account,
  identity: ExternalIdentity,
  now: Date,
): Promise<BoundIdentity> {
  return database.transaction(async (trx) => {
    const spent = await trx('identity_binding_tokens')
      .where({ token_hash: tokenHash(token) })
      .whereNull('used_at')
      .update({ used_at: now });
    if (Number(spent) === 0) throw bindingTokenInvalid();
    const taken = await trx('account_identities')
      .where({ kind: identity.kind, issuer: identity.issuer, subject: identity.subject })
      .first('id');
    if (taken) throw conflict('identity_already_bound', 'this identity is bound to an account');
    const [row] = await trx('account_identities')
      .insert({
        id: randomUUID(),
        account_id: account.id,
        kind: identity.kind,
        issuer: identity.issuer,
        subject: identity.subject,
        label: identity.label,
        details: JSON.stringify(identity.details ?? {}),
        created_at: now,
        last_login_at: now,
      })
      .returning('*');
    return identityFromRow(row);
  });
}

function bindingTokenInvalid() {
  const message = 'the binding token is unknown, used or expired; log in again to get a new one';
  return badInput('binding_token_invalid', message, [
    { pointer: '/bindingToken', code: 'binding_token_invalid', message },
  ]);
}

function tokenHash(token: string): string {
  return createHash('sha256').update(`binding:${token}`).digest('hex');
}

function identityFromRow(row: Record<string, unknown>): BoundIdentity {
  const details = typeof row.details === 'string' ? JSON.parse(row.details) : row.details;
  return {
    id: String(row.id),
    kind: row.kind as IdentityKind,
    issuer: String(row.issuer),
    subject: String(row.subject),
    label: String(row.label),
    details: (details ?? {}) as Record<string, unknown>,
    createdAt: new Date(row.created_at as Date),
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at as Date) : null,
  };
}
