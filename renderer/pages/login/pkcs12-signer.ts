import type forge from 'node-forge';

/** A certificate and its private key, opened from a PKCS#12 (.p12 / .pfx) file. */
export interface CertificateSigner {
  /** PEM: the certificate of the key first, then the other certificates of the file. */
  chainPem: string;
  /** The holder's name (subject CN) and the issuing CA's, to show which certificate this is. */
  holder: string;
  issuer: string;
  /** SHA256withRSA (PKCS#1 v1.5) of the UTF-8 bytes of `text`, base64. */
  sign(text: string): string;
}

/** Why a file could not be used; the login form words each in the page's language. */
export type Pkcs12Problem = 'pkcs12_unreadable' | 'pkcs12_no_key' | 'pkcs12_key_unsupported';

export class Pkcs12Error extends Error {
  constructor(readonly problem: Pkcs12Problem) {
    super(problem);
  }
}

/**
 * Opens a PKCS#12 file with its password, in the page: the key never leaves the browser. The
 * forge modules load on first use, so the login page does not carry them until then. Throws
 * Pkcs12Error: unreadable (not PKCS#12, or the wrong password), no key, or a key that is not
 * RSA (node-forge reads only RSA keys).
 */
export async function openPkcs12(file: ArrayBuffer, password: string): Promise<CertificateSigner> {
  const forge = await loadForge();
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.binary.raw.encode(new Uint8Array(file));
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, password);
  } catch (error) {
    throw new Pkcs12Error(isUnsupportedKey(error) ? 'pkcs12_key_unsupported' : 'pkcs12_unreadable');
  }
  const key = privateKeyOf(p12);
  const certificates = certificatesOf(p12);
  const leaf = certificates.find((certificate) => matches(certificate, key));
  if (!leaf) throw new Pkcs12Error('pkcs12_no_key');
  const chain = [leaf, ...certificates.filter((certificate) => certificate !== leaf)];
  return {
    chainPem: chain.map((certificate) => forge.pki.certificateToPem(certificate)).join(''),
    holder: commonName(leaf.subject),
    issuer: commonName(leaf.issuer),
    sign(text) {
      const digest = forge.md.sha256.create();
      digest.update(text, 'utf8');
      return forge.util.encode64(key.sign(digest));
    },
  };
}

async function loadForge(): Promise<typeof forge> {
  const [shared] = await Promise.all([
    import('node-forge/lib/forge'),
    import('node-forge/lib/pkcs12'),
    import('node-forge/lib/sha256'),
  ]);
  return shared.default;
}

/** PKCS#12 bag types (RFC 7292 appendix D). */
const bagTypes = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  certificate: '1.2.840.113549.1.12.10.1.3',
};

function privateKeyOf(p12: forge.pkcs12.Pkcs12Pfx): forge.pki.rsa.PrivateKey {
  for (const bagType of [bagTypes.shroudedKey, bagTypes.key]) {
    const bag = p12.getBags({ bagType })[bagType]?.find((found) => found.key);
    if (bag?.key) return bag.key as forge.pki.rsa.PrivateKey;
  }
  throw new Pkcs12Error('pkcs12_no_key');
}

function certificatesOf(p12: forge.pkcs12.Pkcs12Pfx): forge.pki.Certificate[] {
  const bagType = bagTypes.certificate;
  const bags = p12.getBags({ bagType })[bagType] ?? [];
  return bags.flatMap((bag) => (bag.cert ? [bag.cert] : []));
}

/** The certificate of the key: the same RSA modulus. */
function matches(certificate: forge.pki.Certificate, key: forge.pki.rsa.PrivateKey): boolean {
  const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
  return publicKey.n !== undefined && publicKey.n.equals(key.n);
}

function commonName(name: forge.pki.Certificate['subject']): string {
  const field = name.getField('CN') as { value?: string } | null;
  return field?.value ?? '';
}

function isUnsupportedKey(error: unknown): boolean {
  return /OID is not RSA|not RSA/i.test(String((error as Error)?.message ?? error));
}
