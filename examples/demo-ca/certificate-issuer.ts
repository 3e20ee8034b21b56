/**
 * Issues certificates, revocation lists and PKCS#12 files for the demo CA and the tests. The
 * structures are built with node-forge's ASN.1 writer and signed with node:crypto, so one code
 * path serves RSA and EC keys alike (node-forge alone signs only with RSA, and slowly).
 * Never used by the portal itself: it only verifies.
 */
import {
  type KeyObject,
  X509Certificate,
  createHash,
  generateKeyPairSync,
  randomBytes,
  sign,
} from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A subject attribute; `serialNumber` (2.5.4.5) carries a resident ID or credit code. */
export interface SubjectAttribute {
  type: 'CN' | 'O' | 'OU' | 'C' | 'L' | 'ST' | 'serialNumber';
  value: string;
}

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';

export interface CertificateOrder {
  subject: SubjectAttribute[];
  keys: KeyPair;
  /** Hex; random when absent. */
  serialNumber?: string;
  notBefore: Date;
  notAfter: Date;
  /** The CA that signs; absent for a self-signed root. */
  issuer?: IssuedCertificate;
  /** A CA certificate (basicConstraints cA). */
  ca?: boolean;
  /** Absent: the usual set for a CA or a login certificate; null: no key usage extension. */
  keyUsage?: KeyUsageName[] | null;
}

export interface IssuedCertificate {
  pem: string;
  der: Buffer;
  x509: X509Certificate;
  keys: KeyPair;
  subject: SubjectAttribute[];
  serialNumber: string;
  subjectKeyIdentifier: Buffer;
}

export interface RevokedEntry {
  serialNumber: string;
  revokedAt: Date;
}

const oids = {
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  crlNumber: '2.5.29.20',
};

const attributeOids: Record<SubjectAttribute['type'], string> = {
  CN: '2.5.4.3',
  serialNumber: '2.5.4.5',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  O: '2.5.4.10',
  OU: '2.5.4.11',
};

const keyUsageBits: KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
];

/** A fresh key pair: RSA 2048 or EC P-256, by node:crypto (fast, unlike node-forge's). */
export function generateKeys(type: 'rsa' | 'ec' = 'rsa'): KeyPair {
  return type === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

/**
 * Issues a certificate, self-signed when the order names no issuer.
 *
 * @example
 * const root = issueCertificate({ subject: [{ type: 'CN', value: 'Demo Root' }], keys,
 *   notBefore, notAfter, ca: true });
 */
export function issueCertificate(order: CertificateOrder): IssuedCertificate {
  const serialNumber = order.serialNumber ?? randomSerial();
  const spki = order.keys.publicKey.export({ type: 'spki', format: 'der' });
  const subjectKeyIdentifier = createHash('sha1').update(spki).digest();
  const signer = order.issuer?.keys ?? order.keys;
  const tbs = sequence([
    explicit(0, [integer('02')]),
    integer(serialNumber),
    signatureAlgorithm(signer.privateKey),
    name(order.issuer?.subject ?? order.subject),
    sequence([time(order.notBefore), time(order.notAfter)]),
    name(order.subject),
    fromDer(spki),
    explicit(3, [sequence(extensions(order, subjectKeyIdentifier))]),
  ]);
  const der = signed(tbs, signer.privateKey);
  const x509 = new X509Certificate(der);
  return {
    pem: x509.toString(),
    der,
    x509,
    keys: order.keys,
    subject: order.subject,
    serialNumber,
    subjectKeyIdentifier,
  };
}

/** A version 2 CRL of `issuer` listing `revoked`, in DER; see `crlPem` for the PEM form. */
export function issueRevocationList(
  issuer: IssuedCertificate,
  list: { revoked: RevokedEntry[]; thisUpdate: Date; nextUpdate: Date; number?: number },
): Buffer {
  const entries = list.revoked.map((entry) =>
    sequence([integer(entry.serialNumber), time(entry.revokedAt)]),
  );
  const tbs = sequence([
    integer('01'),
    signatureAlgorithm(issuer.keys.privateKey),
    name(issuer.subject),
    time(list.thisUpdate),
    time(list.nextUpdate),
    ...(entries.length > 0 ? [sequence(entries)] : []),
    explicit(0, [
      sequence([
        extension(oids.crlNumber, integer((list.number ?? 1).toString(16))),
        extension(oids.authorityKeyIdentifier, authorityKeyIdentifier(issuer)),
      ]),
    ]),
  ]);
  return signed(tbs, issuer.keys.privateKey);
}

/** OpenSSL 3's defaults: AES-256-CBC with PBKDF2 and an HMAC-SHA256 MAC. */
function pkcs12ByOpenssl(
  leaf: IssuedCertificate,
  chain: IssuedCertificate[],
  password: string,
  friendlyName: string,
): Buffer {
  const folder = mkdtempSync(join(tmpdir(), 'matterflow-p12-'));
  try {
    const file = (name: string, content: string) => {
      writeFileSync(join(folder, name), content, { mode: 0o600 });
      return join(folder, name);
    };
    const key = leaf.keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const others = chain.length ? ['-certfile', file('chain.pem', pemsOf(chain))] : [];
    const options = ['-inkey', file('key.pem', key), '-in', file('leaf.pem', leaf.pem)];
    const out = join(folder, 'out.p12');
    const naming = ['-name', friendlyName, '-passout', 'env:P12_PASSWORD', '-out', out];
    execFileSync('openssl', ['pkcs12', '-export', ...options, ...others, ...naming], {
      env: { ...process.env, P12_PASSWORD: password },
    });
    return readFileSync(out);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function pemsOf(certificates: IssuedCertificate[]): string {
  return certificates.map((certificate) => certificate.pem).join('');
}

export function crlPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN X509 CRL-----\n${lines.join('\n')}\n-----END X509 CRL-----\n`;
}

/**
 * A PKCS#12 file holding the leaf's key and its certificate chain (leaf first), encrypted with
 * `password` (AES-256, as the login page's node-forge and OpenSSL 3 both read). node-forge
 * writes the RSA ones; it cannot write EC keys, which go through the `openssl` command.
 */
export function pkcs12(
  leaf: IssuedCertificate,
  chain: IssuedCertificate[],
  password: string,
  friendlyName: string,
): Buffer {
  if (leaf.keys.privateKey.asymmetricKeyType !== 'rsa') {
    return pkcs12ByOpenssl(leaf, chain, password, friendlyName);
  }
  const key = forge.pki.privateKeyFromPem(
    leaf.keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const certificates = [leaf, ...chain].map((c) => forge.pki.certificateFromPem(c.pem));
  const p12 = forge.pkcs12.toPkcs12Asn1(key, certificates, password, {
    algorithm: 'aes256',
    friendlyName,
  });
  return Buffer.from(asn1.toDer(p12).getBytes(), 'binary');
}

function extensions(order: CertificateOrder, subjectKeyIdentifier: Buffer): Asn1[] {
  const usage =
    order.keyUsage === undefined
      ? order.ca
        ? (['keyCertSign', 'cRLSign'] as KeyUsageName[])
        : (['digitalSignature', 'nonRepudiation'] as KeyUsageName[])
      : order.keyUsage;
  const list = [
    extension(oids.basicConstraints, sequence(order.ca ? [boolean(true)] : []), true),
    extension(oids.subjectKeyIdentifier, octetString(subjectKeyIdentifier)),
  ];
  if (usage) list.push(extension(oids.keyUsage, keyUsage(usage), true));
  if (order.issuer) {
    list.push(extension(oids.authorityKeyIdentifier, authorityKeyIdentifier(order.issuer)));
  }
  return list;
}

function authorityKeyIdentifier(issuer: IssuedCertificate): Asn1 {
  const keyId = issuer.subjectKeyIdentifier.toString('binary');
  return sequence([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, keyId)]);
}

function keyUsage(usages: KeyUsageName[]): Asn1 {
  const bits = keyUsageBits.map((name) => usages.includes(name));
  const last = bits.lastIndexOf(true);
  let first = 0;
  bits.forEach((set, bit) => {
    if (set) first |= 0x80 >> bit;
  });
  const content = last < 0 ? '\x00' : String.fromCharCode(7 - last, first);
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, content);
}

/** Names as certificates carry them: country as PrintableString, the rest UTF8String. */
function name(attributes: SubjectAttribute[]): Asn1 {
  return forge.pki.distinguishedNameToAsn1({
    attributes: attributes.map((attribute) => ({
      type: attributeOids[attribute.type],
      value: attribute.value,
      valueTagClass: (attribute.type === 'C'
        ? asn1.Type.PRINTABLESTRING
        : asn1.Type.UTF8) as unknown as forge.asn1.Class,
    })),
  });
}

function signatureAlgorithm(key: KeyObject): Asn1 {
  return key.asymmetricKeyType === 'ec'
    ? sequence([oid(oids.ecdsaWithSha256)])
    : sequence([
        oid(oids.sha256WithRsa),
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
      ]);
}

/** Signs the DER of `tbs` and wraps it as certificate or CRL: `{tbs, algorithm, signature}`. */
function signed(tbs: Asn1, key: KeyObject): Buffer {
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  const signature = sign('sha256', tbsDer, key);
  const bitString = asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.BITSTRING,
    false,
    `\x00${signature.toString('binary')}`,
  );
  const whole = sequence([tbs, signatureAlgorithm(key), bitString]);
  return Buffer.from(asn1.toDer(whole).getBytes(), 'binary');
}

function extension(id: string, value: Asn1, critical = false): Asn1 {
  const der = asn1.toDer(value).getBytes();
  return sequence([
    oid(id),
    ...(critical ? [boolean(true)] : []),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, der),
  ]);
}

function time(date: Date): Asn1 {
  return date.getUTCFullYear() < 2050
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(
        asn1.Class.UNIVERSAL,
        asn1.Type.GENERALIZEDTIME,
        false,
        asn1.dateToGeneralizedTime(date),
      );
}

/** A positive INTEGER from hex (a leading zero octet added when the top bit is set). */
function integer(hex: string): Asn1 {
  let bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes.toString('binary'));
}

function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10;
  return bytes.toString('hex').toUpperCase();
}

const sequence = (items: Asn1[]) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const explicit = (tag: number, items: Asn1[]) =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, items);
const oid = (id: string) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const boolean = (value: boolean) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BOOLEAN, false, value ? '\xff' : '\x00');
const octetString = (bytes: Buffer) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const fromDer = (der: Buffer) =>
  asn1.fromDer(der.toString('binary'), { decodeBitStrings: false } as unknown as boolean);
