import { randomBytes } from 'node:crypto';
import { type Account, type NewAccount, createAccount } from '../../engine/accounts/account';
import { type AuthLevel, postgresSessionStore } from '../../engine/accounts/session-store';
import { SessionClient } from './admin-login';
import type { TestApiServer } from './api-server';

/** A logged-in client that also shows its cookie, for requests made without it (raw HTTP). */
export class AccountClient extends SessionClient {
  constructor(
    baseUrl: string,
    readonly sessionCookieHeader: string,
    account: Account,
  ) {
    super(baseUrl, sessionCookieHeader, account);
  }
}

/**
 * Creates an account with a unique username (and whatever fields are given) and a session at
 * the login level given, skipping the login route; returns a client with its cookie and CSRF
 * token.
 *
 * @example
 * const applicant = await logInAccount(server, { kind: 'enterprise', displayName: '某某公司' });
 * await applicant.post('/api/applications', { matterId: 'commercial-entity-establishment' });
 */
export async function logInAccount(
  server: TestApiServer,
  account: Partial<NewAccount> & Pick<NewAccount, 'kind'>,
  authLevel: AuthLevel = 'password',
): Promise<AccountClient> {
  const { database } = server.services.engine;
  const username = `${account.kind}-${randomBytes(4).toString('hex')}`;
  const created = await createAccount(database, {
    username,
    password: 'Correct-Horse-9',
    displayName: username,
    email: `${username}@example.test`,
    phone: '13800138000',
    ...account,
  });
  const { sid, session } = await postgresSessionStore(database).create(created.id, authLevel);
  const client = new AccountClient(server.baseUrl, `sid=${sid}`, created);
  client.csrfToken = session.csrfToken;
  return client;
}
