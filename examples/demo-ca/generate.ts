/**
 * `npm run demo-ca`: writes the demo CA of this folder afresh: two trusted roots (one with an
 * intermediate CA), a CRL for each CA, and PKCS#12 files (password `demo`) for the demo accounts,
 * including an EC P-256 one (written by the `openssl` command), and an expired, a revoked and an
 * encryption-only certificate. The CA keys exist only
 * while this runs: nobody can issue more certificates under these roots.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type IssuedCertificate,
  type SubjectAttribute,
  crlPem,
  generateKeys,
  issueCertificate,
  issueRevocationList,
  pkcs12,
} from './certificate-issuer';

const demoCaPassword = 'demo';

const folder = __dirname;
const start = new Date('2025-01-01T00:00:00Z');
const userEnd = new Date('2035-12-31T00:00:00Z');
const caEnd = new Date('2045-12-31T00:00:00Z');

const person: SubjectAttribute[] = [
  { type: 'C', value: 'CN' },
  { type: 'CN', value: '张明' },
  { type: 'serialNumber', value: '110105198509171232' },
];
const company: SubjectAttribute[] = [
  { type: 'C', value: 'CN' },
  { type: 'O', value: '深圳市青禾数字科技有限公司' },
  { type: 'CN', value: '深圳市青禾数字科技有限公司' },
  { type: 'serialNumber', value: '91440300MA5G2R8W81' },
];

function main(): void {
  const matterflowRoot = certificateAuthority([
    { type: 'C', value: 'CN' },
    { type: 'O', value: 'Matterflow 演示' },
    { type: 'CN', value: 'Matterflow Demo Root CA' },
  ]);
  const cityRoot = certificateAuthority([
    { type: 'C', value: 'CN' },
    { type: 'ST', value: '广东省' },
    { type: 'O', value: 'Demo City CA' },
    { type: 'CN', value: 'Demo City CA 2' },
  ]);
  const cityIssuing = certificateAuthority(
    [
      { type: 'C', value: 'CN' },
      { type: 'O', value: 'Demo City CA' },
      { type: 'CN', value: 'Demo City CA 2 Issuing CA' },
    ],
    cityRoot,
  );

  const revoked = user(person, matterflowRoot);
  writeUser('demo-person', user(person, matterflowRoot), [matterflowRoot]);
  writeUser('demo-person-ec', user(person, matterflowRoot, { ec: true }), [matterflowRoot]);
  writeUser('demo-company', user(company, cityIssuing), [cityIssuing, cityRoot]);
  writeUser('demo-person-expired', user(person, matterflowRoot, { expired: true }), [
    matterflowRoot,
  ]);
  writeUser('demo-person-revoked', revoked, [matterflowRoot]);
  writeUser('demo-person-encryption-only', user(person, matterflowRoot, { encryption: true }), [
    matterflowRoot,
  ]);

  write('roots/matterflow-demo-root-ca.pem', matterflowRoot.pem);
  write('roots/demo-city-ca-2.pem', cityRoot.pem);
  write('intermediates/demo-city-ca-2-issuing-ca.pem', cityIssuing.pem);
  writeList('crls/matterflow-demo-root-ca.crl.pem', matterflowRoot, [revoked]);
  writeList('crls/demo-city-ca-2.crl.pem', cityRoot, []);
  writeList('crls/demo-city-ca-2-issuing-ca.crl.pem', cityIssuing, []);
  console.log(`demo CA written to ${folder} (PKCS#12 password "${demoCaPassword}")`);
}

function certificateAuthority(
  subject: SubjectAttribute[],
  issuer?: IssuedCertificate,
): IssuedCertificate {
  const keys = generateKeys();
  return issueCertificate({ subject, keys, issuer, notBefore: start, notAfter: caEnd, ca: true });
}

function user(
  subject: SubjectAttribute[],
  issuer: IssuedCertificate,
  options: { expired?: boolean; encryption?: boolean; ec?: boolean } = {},
): IssuedCertificate {
  return issueCertificate({
    subject,
    keys: generateKeys(options.ec ? 'ec' : 'rsa'),
    issuer,
    notBefore: options.expired ? new Date('2024-01-01T00:00:00Z') : start,
    notAfter: options.expired ? start : userEnd,
    keyUsage: options.encryption ? ['keyEncipherment', 'dataEncipherment'] : undefined,
  });
}

function writeUser(name: string, leaf: IssuedCertificate, chain: IssuedCertificate[]): void {
  write(`users/${name}.p12`, pkcs12(leaf, chain, demoCaPassword, name));
  write(`users/${name}.pem`, [leaf, ...chain.slice(0, -1)].map((c) => c.pem).join(''));
}

function writeList(path: string, issuer: IssuedCertificate, revoked: IssuedCertificate[]): void {
  const entries = revoked.map((c) => ({ serialNumber: c.serialNumber, revokedAt: start }));
  const list = issueRevocationList(issuer, {
    revoked: entries,
    thisUpdate: start,
    nextUpdate: userEnd,
  });
  write(path, crlPem(list));
}

function write(path: string, content: string | Buffer): void {
  const target = join(folder, path);
  mkdirSync(join(target, '..'), { recursive: true });
  writeFileSync(target, content);
}

main();
