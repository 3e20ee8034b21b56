import { verify } from 'node:crypto';
import {
  type DerElement,
  DerError,
  childrenOf,
  contextTag,
  derTags,
  encodedBytes,
  expectTag,
  readBitString,
  readElement,
  readIntegerHex,
  readOid,
  readTime,
} from './der-reader';
import { type DistinguishedName, readName } from './distinguished-name';
import type { ParsedCertificate } from './parsed-certificate';

/**
 * A certificate revocation list (RFC 5280 section 5) as read from a file: who issued it, when it
 * is due to be replaced, and the serial numbers it revokes. Whether it is genuine is a separate
 * question (`isSignedBy`), since only the chain being checked names the issuer's key.
 */
export interface RevocationList {
  /** The file it came from, for warnings. */
  source: string;
  issuer: DistinguishedName;
  thisUpdate: Date;
  /** Null when the list names no next update. */
  nextUpdate: Date | null;
  /** Upper-case hex serial numbers, as ParsedCertificate writes them. */
  revoked: Set<string>;
  signedBytes: Buffer;
  signatureAlgorithm: string;
  signature: Buffer;
  /** Signature checks already made, by the issuer certificate's fingerprint. */
  checkedBy: Map<string, boolean>;
}

/** Hash and key type of each signature algorithm a CRL may use. */
const signatureAlgorithms: Record<string, { hash: string; keyType: string }> = {
  '1.2.840.113549.1.1.5': { hash: 'sha1', keyType: 'rsa' },
  '1.2.840.113549.1.1.11': { hash: 'sha256', keyType: 'rsa' },
  '1.2.840.113549.1.1.12': { hash: 'sha384', keyType: 'rsa' },
  '1.2.840.113549.1.1.13': { hash: 'sha512', keyType: 'rsa' },
  '1.2.840.10045.4.3.2': { hash: 'sha256', keyType: 'ec' },
  '1.2.840.10045.4.3.3': { hash: 'sha384', keyType: 'ec' },
  '1.2.840.10045.4.3.4': { hash: 'sha512', keyType: 'ec' },
};

/** Reads a DER CRL; throws DerError when it is not one. */
export function parseRevocationList(der: Buffer, source: string): RevocationList {
  const list = readElement(der);
  if (list.end !== der.length) throw new DerError('bytes after the revocation list');
  const [tbs, algorithm, signature] = childrenOf(expectTag(list, derTags.sequence, 'CRL'));
  const body = readBody(expectTag(tbs, derTags.sequence, 'CRL body'));
  const [algorithmId] = childrenOf(expectTag(algorithm, derTags.sequence, 'signature algorithm'));
  return {
    source,
    ...body,
    signedBytes: encodedBytes(tbs as DerElement),
    signatureAlgorithm: readOid(algorithmId as DerElement),
    signature: readBitString(expectTag(signature, derTags.bitString, 'CRL signature')),
    checkedBy: new Map(),
  };
}

/**
 * Whether `issuer`'s key signed the list (and the names agree). The answer is kept per issuer,
 * so a list is checked once, not at every login. Unknown algorithms answer false.
 */
export function isSignedBy(list: RevocationList, issuer: ParsedCertificate): boolean {
  const known = list.checkedBy.get(issuer.fingerprint);
  if (known !== undefined) return known;
  const signed = list.issuer.text === issuer.subject.text && signatureHolds(list, issuer);
  list.checkedBy.set(issuer.fingerprint, signed);
  return signed;
}

function signatureHolds(list: RevocationList, issuer: ParsedCertificate): boolean {
  const algorithm = signatureAlgorithms[list.signatureAlgorithm];
  const key = issuer.x509.publicKey;
  if (!algorithm || key.asymmetricKeyType !== algorithm.keyType) return false;
  try {
    return verify(algorithm.hash, list.signedBytes, key, list.signature);
  } catch {
    return false;
  }
}

type ListBody = Pick<RevocationList, 'issuer' | 'thisUpdate' | 'nextUpdate' | 'revoked'>;

/** TBSCertList: [version], signature, issuer, thisUpdate, [nextUpdate], [revoked], [[0] ext]. */
function readBody(tbs: DerElement): ListBody {
  const fields = childrenOf(tbs);
  let at = fields[0]?.tag === derTags.integer ? 2 : 1;
  const issuer = readName(expectTag(fields[at++], derTags.sequence, 'CRL issuer'));
  const thisUpdate = readTime(fields[at++] ?? missing('thisUpdate'));
  let nextUpdate: Date | null = null;
  const next = fields[at];
  if (next && (next.tag === derTags.utcTime || next.tag === derTags.generalizedTime)) {
    nextUpdate = readTime(next);
    at++;
  }
  const entries = fields[at]?.tag === derTags.sequence ? childrenOf(fields[at] as DerElement) : [];
  const revoked = new Set(entries.map(revokedSerial));
  if (fields.slice(at).some((f) => f.tag !== derTags.sequence && f.tag !== contextTag(0))) {
    throw new DerError('unexpected field in the CRL body');
  }
  return { issuer, thisUpdate, nextUpdate, revoked };
}

function revokedSerial(entry: DerElement): string {
  const [serial] = childrenOf(expectTag(entry, derTags.sequence, 'revoked entry'));
  return readIntegerHex(expectTag(serial, derTags.integer, 'revoked serial number'));
}

function missing(what: string): never {
  throw new DerError(`the CRL has no ${what}`);
}
