import type forge from 'node-forge';

type Forge = typeof forge;
type Asn1 = forge.asn1.Asn1;

/** The commonName attribute (2.5.4.3). */
const commonNameOid = '2.5.4.3';

/** The holder's and the issuing CA's common names, to show which certificate this is. */
export interface CertificateNames {
  holder: string;
  issuer: string;
}

/**
 * The issuing CA's common name in a PEM certificate (the first one of a chain), to tell apart
 * the certificates of a USB key; empty when the certificate cannot be read. Only node-forge's
 * ASN.1 reader loads (on first use).
 */
export async function issuerCommonName(pem: string): Promise<string> {
  const base64 = /-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/.exec(pem)?.[1];
  if (!base64) return '';
  try {
    const lib = await loadAsn1();
    return certificateNames(lib, lib.asn1.fromDer(atob(base64.replace(/\s+/g, '')))).issuer;
  } catch {
    return '';
  }
}

/**
 * The names of a certificate read from its ASN.1 alone, without its key, so that certificates
 * of any key type (RSA, EC, SM2) are named. TBSCertificate: [0] version (absent in v1), serial
 * number, signature, issuer, validity, subject, …
 */
export function certificateNames(lib: Forge, certificate: Asn1): CertificateNames {
  const tbs = children(certificate)[0];
  const fields = tbs ? children(tbs) : [];
  const [, , issuer, , subject] =
    fields[0]?.tagClass === lib.asn1.Class.CONTEXT_SPECIFIC ? fields.slice(1) : fields;
  return { holder: commonName(lib, subject), issuer: commonName(lib, issuer) };
}

async function loadAsn1(): Promise<Forge> {
  const [shared] = await Promise.all([
    import('node-forge/lib/forge'),
    import('node-forge/lib/asn1'),
  ]);
  return shared.default;
}

/**
 * Name: a SEQUENCE of SETs of {type, value}. node-forge leaves a value as the bytes of its string
 * type: a UTF8String such as 张明 needs decoding, a BMPString is UCS-2 big-endian.
 */
function commonName(lib: Forge, name: Asn1 | undefined): string {
  for (const attribute of name ? children(name).flatMap(children) : []) {
    const [type, value] = children(attribute);
    if (!type || !value || lib.asn1.derToOid(type.value as string) !== commonNameOid) continue;
    const text = value.value as string;
    if (value.type === lib.asn1.Type.UTF8) return lib.util.decodeUtf8(text);
    if (value.type === lib.asn1.Type.BMPSTRING) return fromUcs2(text);
    return text;
  }
  return '';
}

function fromUcs2(bytes: string): string {
  const units = bytes.match(/[\s\S]{2}/g) ?? [];
  return units.map((u) => String.fromCharCode((u.charCodeAt(0) << 8) | u.charCodeAt(1))).join('');
}

function children(node: Asn1): Asn1[] {
  return Array.isArray(node.value) ? node.value : [];
}
