import { type KeyObject, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import {
  type CertificateOrder,
  type IssuedCertificate,
  type KeyPair,
  type SubjectAttribute,
  crlPem,
  generateKeys,
  issueCertificate,
  issueRevocationList,
} from '../../examples/demo-ca/certificate-issuer';
import { CertificateTrust } from '../../engine/certificates/ca-trust';
import { createLogger } from '../../engine/logger';

export type { IssuedCertificate };

const day = 24 * 60 * 60_000;
const rsaKeys: KeyPair[] = [];
const ecKeys: KeyPair[] = [];

/**
 * One of a few RSA (or EC) key pairs made once per test process: RSA key generation is the slow
 * part of issuing, and certificates may share keys where the test is not about keys.
 */
export function testKeys(index: number, type: 'rsa' | 'ec' = 'rsa'): KeyPair {
  const pool = type === 'rsa' ? rsaKeys : ecKeys;
  while (pool.length <= index) pool.push(generateKeys(type));
  return pool[index] as KeyPair;
}

/** A root CA valid from a year ago for ten years, its key `keyIndex` of the pool. */
export function testRoot(commonName: string, keyIndex = 0): IssuedCertificate {
  return issueCertificate({
    subject: [
      { type: 'C', value: 'CN' },
      { type: 'O', value: '测试' },
      { type: 'CN', value: commonName },
    ],
    keys: testKeys(keyIndex),
    notBefore: new Date(Date.now() - 365 * day),
    notAfter: new Date(Date.now() + 10 * 365 * day),
    ca: true,
  });
}

/** An intermediate CA under `issuer`. */
export function testIntermediate(
  issuer: IssuedCertificate,
  commonName: string,
  overrides: Partial<CertificateOrder> = {},
): IssuedCertificate {
  return issueCertificate({
    subject: [{ type: 'CN', value: commonName }],
    keys: testKeys(5),
    notBefore: new Date(Date.now() - 30 * day),
    notAfter: new Date(Date.now() + 365 * day),
    issuer,
    ca: true,
    ...overrides,
  });
}

/**
 * A login certificate issued by `issuer`, valid from a month ago for a year, for 张明 with his
 * resident ID unless `subject` says otherwise; RSA unless `keys` says otherwise.
 */
export function testLeaf(
  issuer: IssuedCertificate,
  overrides: Partial<CertificateOrder> = {},
): IssuedCertificate {
  return issueCertificate({
    subject: personSubject(),
    keys: testKeys(3),
    notBefore: new Date(Date.now() - 30 * day),
    notAfter: new Date(Date.now() + 365 * day),
    issuer,
    ...overrides,
  });
}

export function personSubject(idNumber = '110105198509171232'): SubjectAttribute[] {
  return [
    { type: 'C', value: 'CN' },
    { type: 'CN', value: '张明' },
    { type: 'serialNumber', value: idNumber },
  ];
}

export function companySubject(creditCode = '91440300MA5G2R8W81'): SubjectAttribute[] {
  return [
    { type: 'C', value: 'CN' },
    { type: 'CN', value: '深圳市青禾数字科技有限公司' },
    { type: 'serialNumber', value: creditCode },
  ];
}

/** The PEM a login sends: the leaf, then the intermediates given. */
export function chainPem(...certificates: IssuedCertificate[]): string {
  return certificates.map((certificate) => certificate.pem).join('');
}

/**
 * The base64 signature of the nonce's UTF-8 bytes with the certificate's key, as the login page
 * makes it: SHA256withRSA PKCS#1 v1.5, or SHA256withECDSA in DER (or r‖s with `p1363`).
 */
export function signNonce(
  certificate: IssuedCertificate,
  nonce: string,
  encoding: 'der' | 'p1363' = 'der',
): string {
  const key: KeyObject = certificate.keys.privateKey;
  const dsaEncoding = encoding === 'der' ? 'der' : 'ieee-p1363';
  return sign('sha256', Buffer.from(nonce, 'utf8'), { key, dsaEncoding }).toString('base64');
}

/**
 * Opens a PKCS#12 file and signs the nonce with node-forge, as the login page does in the
 * browser: answers the chain as PEM (in the file's order) and the base64 signature.
 */
export function signWithPkcs12(
  file: string,
  password: string,
  nonce: string,
): { certificate: string; signature: string } {
  const der = readFileSync(file).toString('binary');
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), password);
  const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const certBag = forge.pki.oids.certBag as string;
  const key = p12.getBags({ bagType: keyBag })[keyBag]?.[0]?.key as forge.pki.rsa.PrivateKey;
  const certificates = (p12.getBags({ bagType: certBag })[certBag] ?? []).map((bag) => bag.cert);
  const digest = forge.md.sha256.create();
  digest.update(nonce, 'utf8');
  return {
    certificate: certificates
      .map((c) => forge.pki.certificateToPem(c as forge.pki.Certificate))
      .join(''),
    signature: forge.util.encode64(key.sign(digest)),
  };
}

/** A CRL of `issuer` revoking `revoked`, valid from yesterday until `nextUpdate`. */
export function testRevocationList(
  issuer: IssuedCertificate,
  revoked: IssuedCertificate[],
  nextUpdate = new Date(Date.now() + 7 * day),
): Buffer {
  const entries = revoked.map((c) => ({ serialNumber: c.serialNumber, revokedAt: new Date() }));
  return issueRevocationList(issuer, {
    revoked: entries,
    thisUpdate: new Date(Date.now() - day),
    nextUpdate,
  });
}

/**
 * Writes roots and CRLs into a fresh folder pair (as an operator would) and loads them, so the
 * tests go through the same loader as CA_TRUSTED_ROOTS and CA_CRLS.
 */
export function testTrust(
  roots: IssuedCertificate[],
  revocationLists: Buffer[] = [],
): { trust: CertificateTrust; rootsPath: string; crlsPath: string } {
  const folder = mkdtempSync(join(tmpdir(), 'matterflow-ca-'));
  const rootsPath = join(folder, 'roots.pem');
  const crlsPath = mkdtempSync(join(folder, 'crls-'));
  writeFileSync(rootsPath, chainPem(...roots));
  revocationLists.forEach((list, i) => writeFileSync(join(crlsPath, `${i}.crl.pem`), crlPem(list)));
  const sources = {
    roots: rootsPath,
    revocationLists: revocationLists.length ? crlsPath : undefined,
  };
  return {
    trust: new CertificateTrust(sources, createLogger({ level: 'silent' })),
    rootsPath,
    crlsPath,
  };
}
