/**
 * The load generator of bench:auth, in a child process of its own so that it never shares the
 * server's event loop. It receives one run by IPC: `connections` clients each log in again and
 * again for `seconds`, by certificate (challenge, sign the nonce, login) or by password, and it
 * answers with how many logins succeeded and failed.
 */
import { createPrivateKey, sign } from 'node:crypto';

export interface AuthLoadUser {
  username: string;
  /** PEM chain the certificate login sends. */
  certificate: string;
  /** PKCS#8 PEM of the certificate's key. */
  privateKey: string;
}

export interface AuthLoadRun {
  kind: 'certificate' | 'password';
  url: string;
  connections: number;
  seconds: number;
  password: string;
  users: AuthLoadUser[];
}

export interface AuthLoadResult {
  logins: number;
  failed: number;
  seconds: number;
}

const json = { 'content-type': 'application/json' };
/** Each user's key, parsed once per load process. */
const keys = new Map<string, ReturnType<typeof createPrivateKey>>();

async function post(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: json, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

async function certificateLogin(run: AuthLoadRun, user: AuthLoadUser): Promise<boolean> {
  const challenge = await post(`${run.url}/api/auth/ca/challenge`, {});
  const { challengeId, nonce } = challenge.body as { challengeId: string; nonce: string };
  const key = keys.get(user.privateKey) ?? createPrivateKey(user.privateKey);
  keys.set(user.privateKey, key);
  const signature = sign('sha256', Buffer.from(nonce, 'utf8'), key).toString('base64');
  const body = { challengeId, certificate: user.certificate, signature };
  return (await post(`${run.url}/api/auth/ca/login`, body)).status === 200;
}

async function passwordLogin(run: AuthLoadRun, user: AuthLoadUser): Promise<boolean> {
  const body = { username: user.username, password: run.password };
  return (await post(`${run.url}/api/auth/login`, body)).status === 200;
}

async function load(run: AuthLoadRun): Promise<AuthLoadResult> {
  const started = performance.now();
  const ends = started + run.seconds * 1000;
  let logins = 0;
  let failed = 0;
  let turn = 0;
  const login = run.kind === 'certificate' ? certificateLogin : passwordLogin;
  const client = async () => {
    while (performance.now() < ends) {
      const user = run.users[turn++ % run.users.length] as AuthLoadUser;
      const ok = await login(run, user).catch(() => false);
      if (ok) logins++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: run.connections }, client));
  return { logins, failed, seconds: (performance.now() - started) / 1000 };
}

process.on('message', (run: AuthLoadRun) => {
  load(run).then(
    (result) => process.send?.(result),
    (error: Error) => process.send?.({ error: error.message }),
  );
});
