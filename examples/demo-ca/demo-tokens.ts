import { type KeyObject, X509Certificate, createPrivateKey, sign } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import forge from 'node-forge';

/**
 * A PKCS#12 file standing in for a USB key that is inserted: what the signing helper lists and
 * signs with. A real helper finds the same through PKCS#11, where the key stays on the token.
 */
export interface DemoToken {
  /** The file name without `.p12`, e.g. `demo-company`. */
  id: string;
  /** The holder (subject CN) and the file, e.g. `深圳市青禾数字科技有限公司 (demo-company.p12)`. */
  label: string;
  /** PEM: the certificate of the key first, then the other certificates of the file. */
  certificate: string;
  /**
   * The signature of the UTF-8 bytes of `text`, base64: SHA256withRSA (PKCS#1 v1.5) for an RSA
   * key, SHA256withECDSA (DER) for an EC one.
   */
  sign(text: string): string;
}

/** A file of the folder that could not be read as a token, and why. */
export interface UnreadableToken {
  file: string;
  reason: string;
}

export interface DemoTokens {
  tokens: DemoToken[];
  unreadable: UnreadableToken[];
}

/**
 * Every `.p12` file of `folder` opened with `password`, sorted by id. A file that does not open
 * (another password, not PKCS#12, no key for its certificate) is listed under `unreadable`
 * rather than failing the others. Throws only when the folder cannot be read.
 *
 * @example
 * const { tokens } = readDemoTokens('examples/demo-ca/users', 'demo');
 */
export function readDemoTokens(folder: string, password: string): DemoTokens {
  const found: DemoTokens = { tokens: [], unreadable: [] };
  for (const file of tokenFiles(folder)) {
    try {
      found.tokens.push(openToken(join(folder, file), password));
    } catch (error) {
      found.unreadable.push({ file, reason: error instanceof Error ? error.message : `${error}` });
    }
  }
  return found;
}

/**
 * The token `id` of the folder, or null when no such file is there. Only names the folder lists
 * are opened, so an id cannot lead out of it. Throws when the file does not open.
 */
export function readDemoToken(folder: string, id: string, password: string): DemoToken | null {
  const file = tokenFiles(folder).find((name) => basename(name, extname(name)) === id);
  return file ? openToken(join(folder, file), password) : null;
}

function tokenFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => extname(name).toLowerCase() === '.p12')
    .sort();
}

/**
 * node-forge opens the file (node:crypto cannot read PKCS#12); node:crypto does the rest, since
 * node-forge reads RSA keys and certificates only and leaves an EC one as its ASN.1.
 */
function openToken(path: string, password: string): DemoToken {
  const der = readFileSync(path).toString('binary');
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, password);
  const key = privateKeyOf(p12);
  const certificates = certificatesOf(p12);
  const leaf = certificates.find((certificate) => certificate.checkPrivateKey(key));
  if (!leaf) throw new Error('no certificate of the private key in the file');
  const chain = [leaf, ...certificates.filter((certificate) => certificate !== leaf)];
  const file = basename(path);
  return {
    id: basename(file, extname(file)),
    label: `${commonName(leaf.subject)} (${file})`,
    certificate: chain.map((certificate) => certificate.toString()).join(''),
    sign: (text) => sign('sha256', Buffer.from(text, 'utf8'), key).toString('base64'),
  };
}

const keyBagTypes = [forge.pki.oids.pkcs8ShroudedKeyBag!, forge.pki.oids.keyBag!];

function privateKeyOf(p12: forge.pkcs12.Pkcs12Pfx): KeyObject {
  for (const bagType of keyBagTypes) {
    const bag = p12.getBags({ bagType })[bagType]?.find((found) => found.key || found.asn1);
    if (bag?.key) return createPrivateKey(forge.pki.privateKeyToPem(bag.key));
    if (bag?.asn1) return createPrivateKey({ key: derOf(bag.asn1), format: 'der', type: 'pkcs8' });
  }
  throw new Error('no private key in the file');
}

function certificatesOf(p12: forge.pkcs12.Pkcs12Pfx): X509Certificate[] {
  const bagType = forge.pki.oids.certBag!;
  const bags = p12.getBags({ bagType })[bagType] ?? [];
  return bags.flatMap((bag) => {
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    return asn1 ? [new X509Certificate(derOf(asn1))] : [];
  });
}

function derOf(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** The CN line of node's one-attribute-a-line subject, e.g. `CN=张明`. */
function commonName(subject: string): string {
  const line = subject.split('\n').find((attribute) => attribute.startsWith('CN='));
  return line?.slice(3) ?? '';
}
