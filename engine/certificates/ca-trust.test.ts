import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crlPem } from '../../examples/demo-ca/certificate-issuer';
import {
  chainPem,
  signNonce,
  signWithPkcs12,
  testLeaf,
  testRevocationList,
  testRoot,
  testTrust,
} from '../../test/support/test-ca';
import { createLogger } from '../logger';
import { RuntimeConfigError } from '../runtime/runtime-config';
import {
  CertificateTrust,
  certificateTrustFromEnv,
  demoCaFolder,
  revocationRefreshMs,
} from './ca-trust';
import { verifyCertificateLogin } from './certificate-verification';

const logger = createLogger({ level: 'silent' });
const root = testRoot('Trust Test Root');
const otherRoot = testRoot('Trust Test Root 2', 1);

function folder(files: Record<string, string | Buffer>): string {
  const path = mkdtempSync(join(tmpdir(), 'matterflow-trust-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
  return path;
}

function configError(run: () => unknown): RuntimeConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuntimeConfigError) return error;
    throw error;
  }
  throw new Error('no configuration error');
}

describe('loading trusted roots', () => {
  it('reads several roots from one PEM file, a folder of PEM and DER files', () => {
    const onePem = folder({ 'roots.pem': chainPem(root, otherRoot) });
    expect(new CertificateTrust({ roots: join(onePem, 'roots.pem') }, logger).roots).toHaveLength(
      2,
    );
    const mixed = folder({ 'a.pem': root.pem, 'b.cer': otherRoot.der, 'README.md': '# roots' });
    const names = new CertificateTrust({ roots: mixed }, logger).roots.map((r) => r.subject.text);
    expect(names).toEqual(['CN=Trust Test Root,O=测试,C=CN', 'CN=Trust Test Root 2,O=测试,C=CN']);
  });

  it('stops start-up naming the variable and the file of a bad root', () => {
    const garbage = folder({ 'good.pem': root.pem, 'bad.pem': 'not a certificate at all' });
    const error = configError(() => new CertificateTrust({ roots: garbage }, logger));
    expect(error.variable).toBe('CA_TRUSTED_ROOTS');
    expect(error.message).toContain(join(garbage, 'bad.pem'));

    const leafOnly = folder({ 'leaf.pem': testLeaf(root).pem });
    expect(configError(() => new CertificateTrust({ roots: leafOnly }, logger)).message).toMatch(
      /not a CA certificate/,
    );
    const broken = folder({
      'x.pem': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
    });
    expect(configError(() => new CertificateTrust({ roots: broken }, logger)).message).toMatch(
      /x\.pem is not a readable certificate/,
    );
    const missing = join(tmpdir(), 'no-such-roots-folder');
    expect(configError(() => new CertificateTrust({ roots: missing }, logger)).message).toBe(
      `CA_TRUSTED_ROOTS: ${missing} does not exist`,
    );
    expect(configError(() => new CertificateTrust({ roots: folder({}) }, logger)).message).toMatch(
      /holds no \.pem, \.crt, \.cer file/,
    );
  });

  it('stops start-up on an unreadable CRL, naming CA_CRLS and the file', () => {
    const lists = folder({ 'bad.crl': Buffer.from([0x30, 0x03, 0x02, 0x01]) });
    const rootsFile = join(folder({ 'r.pem': root.pem }), 'r.pem');
    const error = configError(
      () => new CertificateTrust({ roots: rootsFile, revocationLists: lists }, logger),
    );
    expect(error.variable).toBe('CA_CRLS');
    expect(error.message).toContain('bad.crl');
  });
});

describe('certificateTrustFromEnv', () => {
  it('trusts the demo CA when CA_TRUSTED_ROOTS is unset', () => {
    const trust = certificateTrustFromEnv({}, logger);
    expect(trust.roots.map((r) => r.subject.text).sort()).toEqual([
      'CN=Demo City CA 2,O=Demo City CA,ST=广东省,C=CN',
      'CN=Matterflow Demo Root CA,O=Matterflow 演示,C=CN',
    ]);
  });

  it('trusts nothing by default in production, where the demo keys would be a hole', () => {
    expect(certificateTrustFromEnv({ NODE_ENV: 'production' }, logger).roots).toEqual([]);
  });

  it('reads CA_TRUSTED_ROOTS and CA_CRLS', () => {
    const roots = folder({ 'root.pem': root.pem });
    const lists = folder({ 'root.crl': testRevocationList(root, []) });
    const trust = certificateTrustFromEnv({ CA_TRUSTED_ROOTS: roots, CA_CRLS: lists }, logger);
    expect(trust.roots).toHaveLength(1);
    expect(trust.revocationListsOf(trust.roots[0]!, new Date())).toHaveLength(1);
  });

  it.each([
    ['demo-person', undefined],
    ['demo-company', undefined],
    ['demo-person-expired', 'certificate_expired'],
    ['demo-person-revoked', 'certificate_revoked'],
    ['demo-person-encryption-only', 'certificate_key_usage'],
  ])('serves the committed demo PKCS#12 file %s as the page would use it', (name, refusal) => {
    const trust = certificateTrustFromEnv({}, logger);
    const file = join(demoCaFolder, 'users', `${name}.p12`);
    const proof = { ...signWithPkcs12(file, 'demo', 'nonce'), nonce: 'nonce' };
    const verify = () => verifyCertificateLogin(trust, proof, new Date());
    if (refusal) expect(verify).toThrow(expect.objectContaining({ code: refusal }));
    else expect(verify().identity.idNumber).toMatch(/^[0-9A-Z]{18}$/);
  });
});

describe('CRL refresh', () => {
  afterEach(() => jest.restoreAllMocks());

  it('picks up a changed CRL file without a restart', () => {
    const leaf = testLeaf(root);
    const { trust, crlsPath } = testTrust([root], [testRevocationList(root, [])]);
    const proof = { certificate: leaf.pem, nonce: 'n', signature: signNonce(leaf, 'n') };
    expect(verifyCertificateLogin(trust, proof, new Date()).identity.kind).toBe('certificate');

    writeFileSync(join(crlsPath, '0.crl.pem'), crlPem(testRevocationList(root, [leaf])));
    expect(verifyCertificateLogin(trust, proof, new Date()).identity.kind).toBe('certificate');
    const later = Date.now() + revocationRefreshMs + 1;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    expect(() => verifyCertificateLogin(trust, proof, new Date())).toThrow(
      expect.objectContaining({ code: 'certificate_revoked' }),
    );
  });

  it('keeps the loaded CRLs when the new file cannot be read', () => {
    const leaf = testLeaf(root);
    const { trust, crlsPath } = testTrust([root], [testRevocationList(root, [leaf])]);
    writeFileSync(join(crlsPath, '0.crl.pem'), 'garbage, half written');
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + revocationRefreshMs + 1);
    const proof = { certificate: leaf.pem, nonce: 'n', signature: signNonce(leaf, 'n') };
    expect(() => verifyCertificateLogin(trust, proof, new Date())).toThrow(
      expect.objectContaining({ code: 'certificate_revoked' }),
    );
  });
});
