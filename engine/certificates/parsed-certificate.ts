import { X509Certificate } from 'node:crypto';
import {
  type DerElement,
  DerError,
  childrenOf,
  contentBytes,
  contextTag,
  derTags,
  expectTag,
  readBitString,
  readElement,
  readIntegerHex,
  readOid,
  readTime,
} from './der-reader';
import { type DistinguishedName, readName } from './distinguished-name';

/** The key usages of RFC 5280 section 4.2.1.3, in bit order. */
export const keyUsageNames = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export type KeyUsage = (typeof keyUsageNames)[number];

/**
 * A certificate read once: node:crypto's X509Certificate for signatures and issuer checks, plus
 * what node:crypto does not expose (exact validity times, key usage bits, the subject key
 * identifier, names as RFC 4514 strings and attributes).
 */
export interface ParsedCertificate {
  x509: X509Certificate;
  /** SHA-256 fingerprint, the key of every cache. */
  fingerprint: string;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  /** Upper-case hex, e.g. `1A2B3C`. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** Null when the certificate has no key usage extension (any use is then allowed). */
  keyUsage: KeyUsage[] | null;
  /** Upper-case hex, when the certificate carries one. */
  subjectKeyIdentifier: string | null;
}

const extensionIds = { keyUsage: '2.5.29.15', subjectKeyIdentifier: '2.5.29.14' };

/** Reads a DER certificate; throws DerError (or node:crypto's error) when it is not one. */
export function parseCertificate(der: Buffer): ParsedCertificate {
  const x509 = new X509Certificate(der);
  const certificate = readElement(der);
  if (certificate.end !== der.length) throw new DerError('bytes after the certificate');
  const [tbs] = childrenOf(expectTag(certificate, derTags.sequence, 'certificate'));
  const fields = childrenOf(expectTag(tbs, derTags.sequence, 'certificate body'));
  const offset = fields[0]?.tag === contextTag(0) ? 1 : 0;
  const [serial, , issuer, validity, subject] = fields.slice(offset);
  const extensions = readExtensions(fields.find((field) => field.tag === contextTag(3)));
  return {
    x509,
    fingerprint: x509.fingerprint256,
    subject: readName(expectTag(subject, derTags.sequence, 'subject')),
    issuer: readName(expectTag(issuer, derTags.sequence, 'issuer')),
    serialNumber: readIntegerHex(expectTag(serial, derTags.integer, 'serial number')),
    ...validityOf(validity),
    keyUsage: keyUsageOf(extensions.get(extensionIds.keyUsage)),
    subjectKeyIdentifier: keyIdentifierOf(extensions.get(extensionIds.subjectKeyIdentifier)),
  };
}

/**
 * The DER of each `-----BEGIN CERTIFICATE-----` block of a PEM text, in order. Text around the
 * blocks (such as OpenSSL's `subject=` lines) is ignored.
 */
export function certificateBlocks(pem: string): Buffer[] {
  return pemBlocks(pem, 'CERTIFICATE');
}

/** The DER of each PEM block with the given label (`CERTIFICATE`, `X509 CRL`). */
export function pemBlocks(pem: string, label: string): Buffer[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([^-]*)-----END ${label}-----`, 'g');
  return [...pem.matchAll(pattern)].map((match) => base64Body(match[1] ?? ''));
}

function base64Body(body: string): Buffer {
  const compact = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length === 0) {
    throw new DerError('the PEM block is not base64');
  }
  return Buffer.from(compact, 'base64');
}

function validityOf(element: DerElement | undefined): { notBefore: Date; notAfter: Date } {
  const [notBefore, notAfter] = childrenOf(expectTag(element, derTags.sequence, 'validity'));
  if (!notBefore || !notAfter) throw new DerError('the validity period is incomplete');
  return { notBefore: readTime(notBefore), notAfter: readTime(notAfter) };
}

/** Extension values (the content of their OCTET STRING) by OID. */
function readExtensions(field: DerElement | undefined): Map<string, DerElement> {
  const values = new Map<string, DerElement>();
  if (!field) return values;
  const [list] = childrenOf(field);
  for (const extension of childrenOf(expectTag(list, derTags.sequence, 'extensions'))) {
    const parts = childrenOf(expectTag(extension, derTags.sequence, 'extension'));
    const value = expectTag(parts[parts.length - 1], derTags.octetString, 'extension value');
    values.set(
      readOid(parts[0] as DerElement),
      readElement(value.buffer, value.contentStart, value.end),
    );
  }
  return values;
}

function keyUsageOf(value: DerElement | undefined): KeyUsage[] | null {
  if (!value) return null;
  const bits = readBitString(value);
  return keyUsageNames.filter((_, bit) => ((bits[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

function keyIdentifierOf(value: DerElement | undefined): string | null {
  if (!value) return null;
  return contentBytes(expectTag(value, derTags.octetString, 'key identifier'))
    .toString('hex')
    .toUpperCase();
}
