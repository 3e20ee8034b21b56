import {
  chainPem,
  companySubject,
  signNonce,
  testIntermediate,
  testKeys,
  testLeaf,
  testRevocationList,
  testRoot,
  testTrust,
} from '../../test/support/test-ca';
import type { IssuedCertificate } from '../../examples/demo-ca/certificate-issuer';
import type { CertificateTrust } from './ca-trust';
import {
  CertificateRefusal,
  type CertificateRefusalCode,
  verifyCertificateLogin,
} from './certificate-verification';

const nonce = 'Zm9yIHRoZSB0ZXN0cyBvbmx5IGEgbm9uY2U';
const day = 24 * 60 * 60_000;

const root = testRoot('Test Root CA');
const cityRoot = testRoot('Test City CA 2', 1);
const leaf = testLeaf(root);
const revokedLeaf = testLeaf(root);
const { trust } = testTrust([root, cityRoot], [testRevocationList(root, [revokedLeaf])]);

function login(
  certificate: IssuedCertificate,
  options: { chain?: IssuedCertificate[]; trust?: CertificateTrust; now?: Date } = {},
) {
  const proof = {
    certificate: chainPem(certificate, ...(options.chain ?? [])),
    nonce,
    signature: signNonce(certificate, nonce),
  };
  return verifyCertificateLogin(options.trust ?? trust, proof, options.now ?? new Date());
}

function refusalOf(run: () => unknown): { code: CertificateRefusalCode; pointer: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof CertificateRefusal)) throw error;
    return { code: error.refusal, pointer: error.details[0]?.pointer ?? '' };
  }
  throw new Error('the login was not refused');
}

describe('a certificate login that holds', () => {
  it('names the identity: issuer DN, serial and key id, label, and the resident ID', () => {
    const { identity, chain } = login(leaf);
    expect(identity).toMatchObject({
      kind: 'certificate',
      issuer: 'CN=Test Root CA,O=测试,C=CN',
      subject: `${leaf.serialNumber}/${leaf.subjectKeyIdentifier.toString('hex').toUpperCase()}`,
      label: '张明 (Test Root CA)',
      idNumber: '110105198509171232',
    });
    expect(identity.details).toMatchObject({
      subject: 'SERIALNUMBER=110105198509171232,CN=张明,C=CN',
    });
    expect(chain).toHaveLength(2);
  });

  it('takes an ECDSA key, with the signature in DER or as r‖s', () => {
    const ecLeaf = testLeaf(root, { keys: testKeys(0, 'ec') });
    expect(login(ecLeaf).identity.label).toBe('张明 (Test Root CA)');
    const proof = { certificate: ecLeaf.pem, nonce, signature: signNonce(ecLeaf, nonce, 'p1363') };
    expect(verifyCertificateLogin(trust, proof, new Date()).chain).toHaveLength(2);
  });

  it('trusts two CAs at once and climbs through an intermediate CA', () => {
    const issuing = testIntermediate(cityRoot, 'Test City CA 2 Issuing CA');
    const company = testLeaf(issuing, { subject: companySubject() });
    const { identity, chain } = login(company, { chain: [issuing] });
    expect(identity).toMatchObject({
      issuer: 'CN=Test City CA 2 Issuing CA',
      label: '深圳市青禾数字科技有限公司 (Test City CA 2 Issuing CA)',
      idNumber: '91440300MA5G2R8W81',
    });
    expect(chain.map((c) => c.subject.text)).toEqual([
      'SERIALNUMBER=91440300MA5G2R8W81,CN=深圳市青禾数字科技有限公司,C=CN',
      'CN=Test City CA 2 Issuing CA',
      'CN=Test City CA 2,O=测试,C=CN',
    ]);
  });

  it('accepts intermediates in any order and ignores a root sent along', () => {
    const upper = testIntermediate(cityRoot, 'Upper CA');
    const lower = testIntermediate(upper, 'Lower CA');
    const deep = testLeaf(lower);
    expect(login(deep, { chain: [cityRoot, upper, lower] }).chain).toHaveLength(4);
  });

  it('allows any use when the certificate has no key usage extension (RFC 5280)', () => {
    expect(login(testLeaf(root, { keyUsage: null })).identity.kind).toBe('certificate');
  });

  it('leaves idNumber out when the serialNumber attribute is not an ID or credit code', () => {
    const subject = [
      { type: 'CN' as const, value: 'Li' },
      { type: 'serialNumber' as const, value: 'A1' },
    ];
    expect(login(testLeaf(root, { subject })).identity).not.toHaveProperty('idNumber');
  });
});

describe('refusals, each with its own code', () => {
  it('certificate_expired and certificate_not_yet_valid, for the leaf and for a CA', () => {
    const past = testLeaf(root, {
      notBefore: new Date(Date.now() - 400 * day),
      notAfter: new Date(Date.now() - day),
    });
    const future = testLeaf(root, {
      notBefore: new Date(Date.now() + day),
      notAfter: new Date(Date.now() + 400 * day),
    });
    expect(refusalOf(() => login(past)).code).toBe('certificate_expired');
    expect(refusalOf(() => login(future)).code).toBe('certificate_not_yet_valid');
    expect(refusalOf(() => login(leaf, { now: new Date(Date.now() + 11 * 365 * day) })).code).toBe(
      'certificate_expired',
    );
    const oldIssuing = testIntermediate(root, 'Old CA', { notAfter: new Date(Date.now() - day) });
    expect(refusalOf(() => login(testLeaf(oldIssuing), { chain: [oldIssuing] })).code).toBe(
      'certificate_expired',
    );
  });

  it('certificate_untrusted: unknown or look-alike CA, missing or non-CA intermediate', () => {
    const stranger = testRoot('Stranger CA', 2);
    expect(refusalOf(() => login(testLeaf(stranger))).code).toBe('certificate_untrusted');
    const lookAlike = testRoot('Test Root CA', 2);
    expect(refusalOf(() => login(testLeaf(lookAlike))).code).toBe('certificate_untrusted');
    expect(refusalOf(() => login(testLeaf(stranger), { chain: [stranger] })).code).toBe(
      'certificate_untrusted',
    );
    const issuing = testIntermediate(cityRoot, 'Issuing CA');
    expect(refusalOf(() => login(testLeaf(issuing))).code).toBe('certificate_untrusted');
    const notCa = testIntermediate(cityRoot, 'Not a CA', { ca: false, keyUsage: null });
    expect(refusalOf(() => login(testLeaf(notCa), { chain: [notCa] })).code).toBe(
      'certificate_untrusted',
    );
  });

  it('certificate_revoked: the leaf, or an intermediate revoked by its root', () => {
    expect(refusalOf(() => login(revokedLeaf)).code).toBe('certificate_revoked');
    const issuing = testIntermediate(cityRoot, 'Revoked Issuing CA');
    const cityList = testRevocationList(cityRoot, [issuing]);
    const { trust: cityTrust } = testTrust([cityRoot], [cityList]);
    const refusal = refusalOf(() =>
      login(testLeaf(issuing), { chain: [issuing], trust: cityTrust }),
    );
    expect(refusal.code).toBe('certificate_revoked');
  });

  it('certificate_key_usage: an encryption-only certificate', () => {
    const encryption = testLeaf(root, { keyUsage: ['keyEncipherment', 'dataEncipherment'] });
    expect(refusalOf(() => login(encryption))).toEqual({
      code: 'certificate_key_usage',
      pointer: '/certificate',
    });
  });

  it('signature_invalid: a tampered signature, another nonce, another key', () => {
    const signature = Buffer.from(signNonce(leaf, nonce), 'base64');
    signature[10] = (signature[10] ?? 0) ^ 0xff;
    const tampered = { certificate: leaf.pem, nonce, signature: signature.toString('base64') };
    expect(refusalOf(() => verifyCertificateLogin(trust, tampered, new Date()))).toEqual({
      code: 'signature_invalid',
      pointer: '/signature',
    });
    const otherNonce = { certificate: leaf.pem, nonce: 'x', signature: signNonce(leaf, nonce) };
    expect(refusalOf(() => verifyCertificateLogin(trust, otherNonce, new Date())).code).toBe(
      'signature_invalid',
    );
    const otherKey = { certificate: leaf.pem, nonce, signature: signNonce(root, nonce) };
    expect(refusalOf(() => verifyCertificateLogin(trust, otherKey, new Date())).code).toBe(
      'signature_invalid',
    );
  });

  it('certificate_malformed: no PEM block, broken DER, too long a chain', () => {
    const proof = (certificate: string) => ({ certificate, nonce, signature: 'AAAA' });
    const broken = '-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n';
    const truncated = leaf.pem.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n');
    for (const text of ['hello', broken, truncated, chainPem(...Array(7).fill(leaf))]) {
      expect(refusalOf(() => verifyCertificateLogin(trust, proof(text), new Date())).code).toBe(
        'certificate_malformed',
      );
    }
  });

  it('names the refused certificate for the authentication trail', () => {
    try {
      login(revokedLeaf);
    } catch (error) {
      expect((error as CertificateRefusal).identity).toMatchObject({
        issuer: 'CN=Test Root CA,O=测试,C=CN',
      });
    }
    expect.assertions(1);
  });
});

describe('revocation lists', () => {
  it('ignores a list that the issuer did not sign', () => {
    const forger = testRoot('Test Root CA', 2);
    const forged = testRevocationList(forger, [leaf]);
    const { trust: forgedTrust } = testTrust([root], [forged]);
    expect(login(leaf, { trust: forgedTrust }).identity.kind).toBe('certificate');
  });

  it('still applies a list past its next update', () => {
    const stale = testRevocationList(root, [revokedLeaf], new Date(Date.now() - day));
    const { trust: staleTrust } = testTrust([root], [stale]);
    expect(refusalOf(() => login(revokedLeaf, { trust: staleTrust })).code).toBe(
      'certificate_revoked',
    );
  });

  it('checks a list signed with an EC key', () => {
    const ecRoot = testRoot('EC Root');
    const ecCa = testIntermediate(ecRoot, 'EC Issuing CA', { keys: testKeys(1, 'ec') });
    const ecLeaf = testLeaf(ecCa);
    const { trust: ecTrust } = testTrust([ecRoot], [testRevocationList(ecCa, [ecLeaf])]);
    expect(refusalOf(() => login(ecLeaf, { chain: [ecCa], trust: ecTrust })).code).toBe(
      'certificate_revoked',
    );
  });
});
