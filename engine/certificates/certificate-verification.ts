import { verify } from 'node:crypto';
import type { ExternalIdentity } from '../accounts/identity-binding';
import { EngineError } from '../engine-error';
import type { CertificateTrust } from './ca-trust';
import { nameAttribute } from './distinguished-name';
import { type ParsedCertificate, certificateBlocks } from './parsed-certificate';

/** What the login page sends: the PEM chain (leaf first) and its key's signature of the nonce. */
export interface CertificateProof {
  certificate: string;
  nonce: string;
  /** Base64 (or base64url) of SHA256withRSA PKCS#1 v1.5, or SHA256withECDSA, over the nonce. */
  signature: string;
}

export interface VerifiedCertificate {
  identity: ExternalIdentity;
  /** Leaf first, the trusted root last. */
  chain: ParsedCertificate[];
}

/** The refusal codes of a certificate login, each with the field it concerns. */
export type CertificateRefusalCode =
  | 'certificate_malformed'
  | 'certificate_untrusted'
  | 'certificate_expired'
  | 'certificate_not_yet_valid'
  | 'certificate_key_usage'
  | 'certificate_key_unsupported'
  | 'certificate_revoked'
  | 'signature_invalid';

/**
 * A certificate login refused. `identity` names the certificate when it could be read, for the
 * authentication trail.
 */
export class CertificateRefusal extends EngineError {
  constructor(
    readonly refusal: CertificateRefusalCode,
    message: string,
    readonly identity?: Pick<ExternalIdentity, 'issuer' | 'subject'>,
  ) {
    const pointer = refusal === 'signature_invalid' ? '/signature' : '/certificate';
    super('not_allowed', refusal, message, [{ pointer, code: refusal, message }]);
  }
}

/** Most certificates a chain may hold: a leaf and a few intermediates. */
export const maxChainLength = 6;

/**
 * Checks a certificate login and names the identity it proves. In order: the chain parses; the
 * signature over the UTF-8 bytes of the nonce verifies with the leaf's key; the leaf chains up to
 * a trusted root through the intermediates sent (each a CA; a root sent along is never trusted
 * for being sent); every certificate of the chain is within its validity period at `now`; the
 * leaf's key usage, when the extension is present, allows digitalSignature (RFC 5280: absent
 * means unrestricted); no certificate of the chain is listed by a CRL its issuer signed.
 *
 * Throws CertificateRefusal with one of the codes of CertificateRefusalCode.
 */
export function verifyCertificateLogin(
  trust: CertificateTrust,
  proof: CertificateProof,
  now: Date,
): VerifiedCertificate {
  const sent = readChain(trust, proof.certificate);
  const leaf = sent[0] as ParsedCertificate;
  const identity = identityOf(leaf);
  const refuse = (code: CertificateRefusalCode, message: string) =>
    new CertificateRefusal(code, message, identity);

  checkSignature(leaf, proof, refuse);
  const chain = buildChain(trust, leaf, sent.slice(1), refuse);
  checkValidity(chain, now, refuse);
  if (leaf.keyUsage && !leaf.keyUsage.includes('digitalSignature')) {
    throw refuse(
      'certificate_key_usage',
      'the certificate is not meant for signing (its key usage lacks digitalSignature); ' +
        'use your signing certificate',
    );
  }
  checkRevocation(trust, chain, now, refuse);
  return { identity, chain };
}

type Refuse = (code: CertificateRefusalCode, message: string) => CertificateRefusal;

function readChain(trust: CertificateTrust, pem: string): ParsedCertificate[] {
  const malformed = (message: string) => new CertificateRefusal('certificate_malformed', message);
  let blocks: Buffer[];
  try {
    blocks = certificateBlocks(pem);
  } catch {
    throw malformed('the certificate is not valid PEM');
  }
  if (blocks.length === 0) throw malformed('no "-----BEGIN CERTIFICATE-----" block was sent');
  if (blocks.length > maxChainLength) {
    throw malformed(`a chain holds at most ${maxChainLength} certificates`);
  }
  return blocks.map((der, index) => {
    try {
      return trust.parse(der);
    } catch {
      throw malformed(`certificate ${index + 1} of the chain cannot be read as X.509`);
    }
  });
}

function checkSignature(leaf: ParsedCertificate, proof: CertificateProof, refuse: Refuse): void {
  const key = leaf.x509.publicKey;
  const type = key.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ec') {
    throw refuse(
      'certificate_key_unsupported',
      `keys of type ${String(type)} cannot log in; use an RSA or EC certificate`,
    );
  }
  const data = Buffer.from(proof.nonce, 'utf8');
  const signature = Buffer.from(proof.signature, 'base64');
  if (!signatureHolds(data, key, signature, type)) {
    throw refuse(
      'signature_invalid',
      'the signature does not match the challenge and this certificate; sign the nonce again',
    );
  }
}

/** RSA PKCS#1 v1.5; ECDSA as DER, or as r‖s (what WebCrypto and some key helpers give). */
function signatureHolds(
  data: Buffer,
  key: ParsedCertificate['x509']['publicKey'],
  signature: Buffer,
  type: 'rsa' | 'ec',
): boolean {
  try {
    if (type === 'rsa') return verify('sha256', data, key, signature);
    if (verify('sha256', data, { key, dsaEncoding: 'der' }, signature)) return true;
    return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}

function buildChain(
  trust: CertificateTrust,
  leaf: ParsedCertificate,
  intermediates: ParsedCertificate[],
  refuse: Refuse,
): ParsedCertificate[] {
  const chain = [leaf];
  const pool = [...intermediates];
  for (let current = leaf; chain.length <= maxChainLength;) {
    const root = trust.rootIssuing(current);
    if (root) return [...chain, root];
    const next = pool.find((candidate) => candidate.x509.ca && trust.issued(candidate, current));
    if (!next) break;
    pool.splice(pool.indexOf(next), 1);
    chain.push(next);
    current = next;
  }
  throw refuse(
    'certificate_untrusted',
    `no trusted CA issued this certificate (issuer "${leaf.issuer.text}"); send the ` +
      'intermediate CA certificates too, or ask the operator to trust its CA',
  );
}

function checkValidity(chain: ParsedCertificate[], now: Date, refuse: Refuse): void {
  chain.forEach((certificate, index) => {
    const which =
      index === 0 ? 'the certificate' : `the CA certificate "${certificate.subject.text}"`;
    if (now < certificate.notBefore) {
      throw refuse(
        'certificate_not_yet_valid',
        `${which} is valid only from ${certificate.notBefore.toISOString()}`,
      );
    }
    if (now > certificate.notAfter) {
      throw refuse(
        'certificate_expired',
        `${which} expired on ${certificate.notAfter.toISOString()}; renew it with your CA`,
      );
    }
  });
}

function checkRevocation(
  trust: CertificateTrust,
  chain: ParsedCertificate[],
  now: Date,
  refuse: Refuse,
): void {
  for (let index = 0; index < chain.length - 1; index++) {
    const certificate = chain[index] as ParsedCertificate;
    const issuer = chain[index + 1] as ParsedCertificate;
    const lists = trust.revocationListsOf(issuer, now);
    if (lists.some((list) => list.revoked.has(certificate.serialNumber))) {
      const which =
        index === 0 ? 'the certificate' : `the CA certificate "${certificate.subject.text}"`;
      throw refuse('certificate_revoked', `${which} has been revoked by its CA`);
    }
  }
}

/**
 * The identity a certificate proves: issuer DN and serial number, and the subject key identifier
 * when the certificate has one (`SERIAL/KEYID`), so that a serial number reissued with another key
 * never matches. A subject serialNumber attribute (2.5.4.5) of 18 digits and capitals is taken as
 * the resident ID or unified social credit code that binding checks against the account.
 */
export function identityOf(leaf: ParsedCertificate): ExternalIdentity {
  const issuerName = nameAttribute(leaf.issuer, 'CN') ?? leaf.issuer.text;
  const holder = nameAttribute(leaf.subject, 'CN') ?? leaf.subject.text;
  const idNumber = nameAttribute(leaf.subject, 'SERIALNUMBER')?.trim().toUpperCase();
  return {
    kind: 'certificate',
    issuer: leaf.issuer.text,
    subject: leaf.subjectKeyIdentifier
      ? `${leaf.serialNumber}/${leaf.subjectKeyIdentifier}`
      : leaf.serialNumber,
    label: `${holder} (${issuerName})`,
    details: certificateDetails(leaf),
    ...(idNumber && /^[0-9A-Z]{18}$/.test(idNumber) ? { idNumber } : {}),
  };
}

function certificateDetails(leaf: ParsedCertificate): Record<string, unknown> {
  return {
    subject: leaf.subject.text,
    serialNumber: leaf.serialNumber,
    subjectKeyIdentifier: leaf.subjectKeyIdentifier,
    notBefore: leaf.notBefore.toISOString(),
    notAfter: leaf.notAfter.toISOString(),
    fingerprint: leaf.fingerprint,
  };
}
