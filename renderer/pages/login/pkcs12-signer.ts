import type nodeForge from 'node-forge';
import { certificateNames } from './certificate-names';

type Forge = typeof nodeForge;
type Asn1 = nodeForge.asn1.Asn1;

/** A certificate and its private key, opened from a PKCS#12 (.p12 / .pfx) file. */
export interface CertificateSigner {
  /** PEM: the certificate of the key first, then the other certificates of the file. */
  chainPem: string;
  /** The holder's name (subject CN) and the issuing CA's, to show which certificate this is. */
  holder: string;
  issuer: string;
  /**
   * The signature of the UTF-8 bytes of `text`, base64: SHA256withRSA (PKCS#1 v1.5) for an RSA
   * key, SHA256withECDSA as r‖s for an EC key (the server takes both).
   */
  sign(text: string): Promise<string>;
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
 * forge modules load on first use, so the login page does not carry them until then. RSA keys
 * sign with node-forge; EC keys (P-256, P-384), which node-forge cannot read, are handed to the
 * browser's WebCrypto. Throws Pkcs12Error: unreadable (not PKCS#12, or the wrong password), no
 * key, or a key of another kind.
 */
export async function openPkcs12(file: ArrayBuffer, password: string): Promise<CertificateSigner> {
  const forge = await loadForge();
  let p12: nodeForge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.binary.raw.encode(new Uint8Array(file));
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, password);
  } catch {
    throw new Pkcs12Error('pkcs12_unreadable');
  }
  const key = await privateKeyOf(forge, p12);
  const certificates = certificatesOf(forge, p12);
  const leaf = certificates.find((certificate) => certificate.publicKey === key.publicKey);
  if (!leaf) throw new Pkcs12Error('pkcs12_no_key');
  const chain = [leaf, ...certificates.filter((certificate) => certificate !== leaf)];
  return {
    chainPem: chain.map((certificate) => pem(forge, certificate.der)).join(''),
    holder: leaf.holder,
    issuer: leaf.issuer,
    sign: key.sign,
  };
}

async function loadForge(): Promise<Forge> {
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

const oids = {
  ecPublicKey: '1.2.840.10045.2.1',
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
};

/** A private key that can sign, and its public key as hex to find its certificate by. */
interface KeyHandle {
  publicKey: string;
  sign(text: string): Promise<string>;
}

/** A certificate of the file, whether node-forge could read its key or not. */
interface CertificateEntry {
  der: string;
  publicKey: string;
  holder: string;
  issuer: string;
}

/**
 * The file's key: node-forge reads RSA keys itself and leaves any other as the decrypted ASN.1
 * of its PrivateKeyInfo, which is how an EC key reaches WebCrypto.
 */
async function privateKeyOf(forge: Forge, p12: nodeForge.pkcs12.Pkcs12Pfx): Promise<KeyHandle> {
  for (const bagType of [bagTypes.shroudedKey, bagTypes.key]) {
    const bag = p12.getBags({ bagType })[bagType]?.find((found) => found.key || found.asn1);
    if (bag?.key) return rsaKey(forge, bag.key as nodeForge.pki.rsa.PrivateKey);
    if (bag?.asn1) return ecKey(forge, bag.asn1);
  }
  throw new Pkcs12Error('pkcs12_no_key');
}

function rsaKey(forge: Forge, key: nodeForge.pki.rsa.PrivateKey): KeyHandle {
  return {
    publicKey: key.n.toString(16),
    async sign(text) {
      const digest = forge.md.sha256.create();
      digest.update(text, 'utf8');
      return forge.util.encode64(key.sign(digest));
    },
  };
}

async function ecKey(forge: Forge, info: Asn1): Promise<KeyHandle> {
  const namedCurve = curveOf(forge, info);
  const pkcs8 = bytes(forge.asn1.toDer(info).getBytes());
  const algorithm = { name: 'ECDSA', namedCurve };
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Pkcs12Error('pkcs12_key_unsupported');
  // Extractable once, to read the public point the certificate is matched by.
  const readable = await subtle.importKey('pkcs8', pkcs8, algorithm, true, ['sign']);
  const { x = '', y = '' } = await subtle.exportKey('jwk', readable);
  const key = await subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']);
  return {
    publicKey: `04${hexOfBase64Url(x)}${hexOfBase64Url(y)}`,
    async sign(text) {
      const signed = await subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        key,
        new TextEncoder().encode(text),
      );
      return forge.util.encode64(String.fromCharCode(...new Uint8Array(signed)));
    },
  };
}

/** PrivateKeyInfo: version, AlgorithmIdentifier {id-ecPublicKey, named curve}, key. */
function curveOf(forge: Forge, info: Asn1): string {
  const algorithm = (info.value as Asn1[])[1]?.value as Asn1[] | undefined;
  const oidOf = (node: Asn1 | undefined) =>
    node && typeof node.value === 'string' ? forge.asn1.derToOid(node.value) : '';
  if (oidOf(algorithm?.[0]) !== oids.ecPublicKey) throw new Pkcs12Error('pkcs12_key_unsupported');
  const curve = oidOf(algorithm?.[1]);
  if (curve === oids['P-256']) return 'P-256';
  if (curve === oids['P-384']) return 'P-384';
  throw new Pkcs12Error('pkcs12_key_unsupported');
}

function certificatesOf(forge: Forge, p12: nodeForge.pkcs12.Pkcs12Pfx): CertificateEntry[] {
  const bagType = bagTypes.certificate;
  const bags = p12.getBags({ bagType })[bagType] ?? [];
  return bags.flatMap((bag) => {
    if (bag.cert) return [rsaCertificate(forge, bag.cert)];
    return bag.asn1 ? [otherCertificate(forge, bag.asn1)] : [];
  });
}

function rsaCertificate(forge: Forge, certificate: nodeForge.pki.Certificate): CertificateEntry {
  const publicKey = certificate.publicKey as nodeForge.pki.rsa.PublicKey;
  return {
    der: forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(),
    publicKey: publicKey.n?.toString(16) ?? '',
    ...certificateNames(forge, forge.pki.certificateToAsn1(certificate)),
  };
}

/**
 * A certificate node-forge could not read (its key is not RSA), taken from its ASN.1: the
 * subject public key is the last field of tbsCertificate that is not tagged (the extensions are).
 */
function otherCertificate(forge: Forge, certificate: Asn1): CertificateEntry {
  const tbs = ((certificate.value as Asn1[])[0]?.value ?? []) as Asn1[];
  const keyInfo = tbs
    .filter((field) => field.tagClass !== forge.asn1.Class.CONTEXT_SPECIFIC)
    .at(-1);
  const bitString = (keyInfo?.value as Asn1[] | undefined)?.[1]?.value;
  return {
    der: forge.asn1.toDer(certificate).getBytes(),
    // A BIT STRING's first byte counts the unused bits; the EC point follows it.
    publicKey: typeof bitString === 'string' ? forge.util.bytesToHex(bitString.slice(1)) : '',
    ...certificateNames(forge, certificate),
  };
}

function pem(forge: Forge, der: string): string {
  const lines = forge.util.encode64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function bytes(binary: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

function hexOfBase64Url(value: string): string {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  return Array.from(atob(base64), (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
}
