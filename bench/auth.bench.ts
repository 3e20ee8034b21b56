/**
 * `npm run bench:auth`: certificate logins per second next to password logins per second, in
 * the same run, on real PostgreSQL. Over HTTP a certificate login is a challenge, the client's
 * signature of its nonce, and the login (signature, chain, CRL check, bound account, session);
 * a password login is one request that checks a scrypt hash. In process it times the
 * certificate check alone. Prints the median of several rounds and the ratio.
 */
import { sign, verify } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiConfigFromEnv } from '../api/api-config';
import { startPortal } from '../api/portal';
import { routeModules } from '../api/route-modules';
import { createAccount } from '../engine/accounts/account';
import { bindIdentity, issueBindingToken } from '../engine/accounts/identity-binding';
import { CertificateTrust } from '../engine/certificates/ca-trust';
import { verifyCertificateLogin } from '../engine/certificates/certificate-verification';
import type { Database } from '../engine/database/database';
import { createLogger } from '../engine/logger';
import {
  type IssuedCertificate,
  crlPem,
  issueRevocationList,
} from '../examples/demo-ca/certificate-issuer';
import {
  chainPem,
  personSubject,
  testIntermediate,
  testKeys,
  testLeaf,
  testRoot,
} from '../test/support/test-ca';
import { createTestDatabase } from '../test/support/test-database';
import type { AuthLoadResult, AuthLoadRun, AuthLoadUser } from './auth-load';
import { type Contender, keepAlive, measureRates, percentile } from './timing';
import { runLoadProcess } from './load-process';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const userCount = 16;
const password = 'Bench-pass-2026';
const day = 24 * 60 * 60_000;
const logger = createLogger({ level: 'silent' });

interface Authority {
  root: IssuedCertificate;
  issuing: IssuedCertificate;
  rootsPath: string;
  crlsPath: string;
}

async function main(): Promise<void> {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`;
  console.log(`node ${process.version}, ${machine}, load ${loadavg()[0]?.toFixed(2)}`);
  const authority = certificateAuthority();
  benchVerification(authority);

  const test = await createTestDatabase('postgres');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: test.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'matterflow-bench-auth-')),
    CAPTCHA: 'off',
    PORT: '0',
    CA_TRUSTED_ROOTS: authority.rootsPath,
    CA_CRLS: authority.crlsPath,
  };
  // Sessions and delivery in PostgreSQL and in process, so both logins pay the same.
  delete env.REDIS_URL;
  const portal = await startPortal({
    env,
    apiConfig: apiConfigFromEnv(env),
    modules: routeModules,
    logger,
  });
  try {
    console.log(`\nsetting up ${userCount} applicants with bound certificates…`);
    const users = await bindUsers(portal.runtime.database, authority);
    await benchHttp(portal.url, users);
  } finally {
    await portal.stop();
    await test.drop();
  }
}

/** A root and an intermediate CA, each with a CRL of 1,000 entries, in files as deployed. */
function certificateAuthority(): Authority {
  const root = testRoot('Bench Root CA');
  const issuing = testIntermediate(root, 'Bench Issuing CA');
  const folder = mkdtempSync(join(tmpdir(), 'matterflow-bench-ca-'));
  const rootsPath = join(folder, 'roots.pem');
  const crlsPath = join(folder, 'crls');
  writeFileSync(rootsPath, root.pem);
  mkdirSync(crlsPath);
  writeFileSync(join(crlsPath, 'root.crl.pem'), crlPem(revocationList(root)));
  writeFileSync(join(crlsPath, 'issuing.crl.pem'), crlPem(revocationList(issuing)));
  return { root, issuing, rootsPath, crlsPath };
}

function revocationList(issuer: IssuedCertificate): Buffer {
  const revoked = Array.from({ length: 1000 }, (_, i) => ({
    serialNumber: (0x10000000 + i).toString(16),
    revokedAt: new Date(Date.now() - day),
  }));
  return issueRevocationList(issuer, {
    revoked,
    thisUpdate: new Date(Date.now() - day),
    nextUpdate: new Date(Date.now() + 7 * day),
  });
}

/** (a) The certificate check alone, in this process, on one core, by CPU time. */
function benchVerification(authority: Authority): void {
  const trust = new CertificateTrust(
    { roots: authority.rootsPath, revocationLists: authority.crlsPath },
    logger,
  );
  const nonce = 'bench-nonce';
  const keys = testKeys(3);
  const signature = sign('sha256', Buffer.from(nonce), keys.privateKey);
  const base64 = signature.toString('base64');
  const check = (certificate: string) =>
    verifyCertificateLogin(trust, { certificate, nonce, signature: base64 }, new Date());
  const returning = chainPem(testLeaf(authority.issuing), authority.issuing);
  // More certificates than the trust keeps parsed: each check parses its certificate and checks
  // the CA's signature on it afresh, as for someone logging in for the first time in a while.
  const fresh = Array.from({ length: 2_500 }, () =>
    chainPem(testLeaf(authority.issuing), authority.issuing),
  );
  let turn = 0;
  const contenders: Contender[] = [
    {
      name: 'one RSA-2048 signature check (baseline)',
      run: () => verify('sha256', Buffer.from(nonce), keys.publicKey, signature),
    },
    { name: 'certificate check, certificate seen before', run: () => check(returning) },
    {
      name: 'certificate check, new certificate',
      run: () => check(fresh[turn++ % fresh.length] as string),
    },
  ];
  console.log('\nin process: signature + chain + validity + key usage + CRLs (1,000 entries)');
  for (const result of measureRates(contenders, { rounds: 15, roundMs: 60 })) {
    const rate = result.opsPerSecond.toFixed(0).padStart(8);
    const ratio = result.ratioToBaseline.toFixed(2);
    console.log(`  ${result.name.padEnd(44)} ${rate} /s   ${ratio} × baseline`);
  }
  keepAlive();
}

/** Applicants whose certificates are already bound, so that every login logs in directly. */
async function bindUsers(database: Database, authority: Authority): Promise<AuthLoadUser[]> {
  const privateKey = testKeys(3).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const trust = new CertificateTrust({ roots: authority.rootsPath }, logger);
  const users: AuthLoadUser[] = [];
  for (let i = 0; i < userCount; i++) {
    const username = `bench-ca-${i}`;
    await createAccount(database, {
      username,
      password,
      kind: 'individual',
      displayName: `用户${i}`,
      profile: { realName: `用户${i}`, idNumber: '110105198509171232' },
    });
    const leaf = testLeaf(authority.issuing, { subject: personSubject() });
    const certificate = chainPem(leaf, authority.issuing);
    await bind(database, trust, certificate, username);
    users.push({ username, certificate, privateKey });
  }
  return users;
}

async function bind(
  database: Database,
  trust: CertificateTrust,
  certificate: string,
  username: string,
): Promise<void> {
  const nonce = 'bind';
  const signature = sign('sha256', Buffer.from(nonce), testKeys(3).privateKey).toString('base64');
  const { identity } = verifyCertificateLogin(trust, { certificate, nonce, signature }, new Date());
  const bindingToken = await issueBindingToken(database, identity, new Date());
  const binding = { bindingToken, username, password, address: '127.0.0.1', kind: identity.kind };
  await bindIdentity(database, binding, new Date());
}

/** (b) Logins over HTTP, the two kinds taking turns round by round. */
async function benchHttp(url: string, users: AuthLoadUser[]): Promise<void> {
  const rates = { certificate: [] as number[], password: [] as number[] };
  const failures = { certificate: 0, password: 0 };
  for (let round = 0; round < rounds; round++) {
    const order =
      round % 2 === 0
        ? (['certificate', 'password'] as const)
        : (['password', 'certificate'] as const);
    for (const kind of order) {
      const result = await runLoad({ kind, url, connections, seconds, password, users });
      rates[kind].push(result.logins / result.seconds);
      failures[kind] += result.failed;
      await settle();
    }
  }
  printHttp(rates, failures);
}

function printHttp(
  rates: { certificate: number[]; password: number[] },
  failures: { certificate: number; password: number },
): void {
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      0.5,
    );
  const line = (name: string, values: number[], failed: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    const figures = [median(values), sorted[0] ?? 0, sorted[sorted.length - 1] ?? 0];
    const [mid, low, high] = figures.map((value) => value.toFixed(0).padStart(8));
    console.log(`  ${name.padEnd(30)} ${mid} ${low} ${high} ${String(failed).padStart(8)}`);
  };
  console.log(
    `\nover HTTP, PostgreSQL, ${connections} clients, ${rounds} rounds of ${seconds} s each` +
      ' (the clients sign in a process of their own on the same machine)',
  );
  console.log(`  ${'logins per second'.padEnd(30)}   median      min      max   failed`);
  line('certificate (challenge + login)', rates.certificate, failures.certificate);
  line('password (scrypt, 32 MiB)', rates.password, failures.password);
  const ratio = median(rates.certificate) / median(rates.password);
  console.log(`  certificate / password: ${ratio.toFixed(1)} ×`);
}

function runLoad(run: AuthLoadRun): Promise<AuthLoadResult> {
  return runLoadProcess<AuthLoadRun, AuthLoadResult>('auth-load.ts', run);
}

/** Lets the last requests of a round (password hashes above all) finish before the next. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1500));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
