import { randomBytes } from 'node:crypto';
import { type Account, type AccountKind, createAccount } from '../../engine/accounts/account';
import { postgresSessionStore } from '../../engine/accounts/session-store';
import { ApiClient } from './api-client';
import type { TestApiServer } from './api-server';

/** An ApiClient that carries a session made directly in the database, with its CSRF token. */
export class SessionClient extends ApiClient {
  constructor(
    baseUrl: string,
    private readonly sessionCookie: string,
    readonly account: Account,
  ) {
    super(baseUrl);
  }

  override request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    return super.request(method, path, body, { cookie: this.sessionCookie, ...headers });
  }

  delete = (path: string) => this.request('DELETE', path);
}

/**
 * Creates an account of `kind` and a logged-in session for it, skipping the login flow (and its
 * captcha) that the auth tests cover. The client sends the CSRF token unless a test clears it.
 */
export async function loginAs(
  server: TestApiServer,
  kind: AccountKind,
  extra: { matters?: string[] | null; roles?: string[] } = {},
): Promise<SessionClient> {
  const { database } = server.services.engine;
  const username = `${kind}-${randomBytes(4).toString('hex')}`;
  const account = await createAccount(database, {
    username,
    password: 'Correct-Horse-9',
    kind,
    displayName: username,
    email: `${username}@example.test`,
    phone: '13800138000',
    ...extra,
  });
  const { sid, session } = await postgresSessionStore(database).create(account.id, 'password');
  const client = new SessionClient(server.baseUrl, `sid=${sid}`, account);
  client.csrfToken = session.csrfToken;
  return client;
}
