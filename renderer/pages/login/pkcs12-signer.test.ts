import { X509Certificate, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pkcs12Error, openPkcs12 } from './pkcs12-signer';

const users = join(__dirname, '..', '..', '..', 'examples', 'demo-ca', 'users');

function demoFile(name: string): ArrayBuffer {
  const bytes = readFileSync(join(users, `${name}.p12`));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

function certificatesOf(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  return (blocks ?? []).map((block) => new X509Certificate(block));
}

describe('a PKCS#12 file opened in the page', () => {
  it.each([
    ['demo-person', 'RSA', undefined],
    ['demo-person-ec', 'EC P-256', 'ieee-p1363' as const],
  ])('%s (%s) signs a nonce that its certificate verifies', async (name, _kind, dsaEncoding) => {
    const signer = await openPkcs12(demoFile(name), 'demo');
    expect(signer.holder).toBe('张明');
    expect(signer.issuer).toBe('Matterflow Demo Root CA');
    const [leaf, root] = certificatesOf(signer.chainPem);
    expect(leaf?.checkIssued(root!)).toBe(true);
    const nonce = 'b0e8f1c2-一次性挑战';
    const signature = Buffer.from(await signer.sign(nonce), 'base64');
    const key = { key: leaf!.publicKey, ...(dsaEncoding && { dsaEncoding }) };
    expect(verify('sha256', Buffer.from(nonce, 'utf8'), key, signature)).toBe(true);
  });

  it('names the issuing CA of a chain with an intermediate, leaf first', async () => {
    const signer = await openPkcs12(demoFile('demo-company'), 'demo');
    expect(signer.holder).toBe('深圳市青禾数字科技有限公司');
    expect(signer.issuer).toBe('Demo City CA 2 Issuing CA');
    expect(certificatesOf(signer.chainPem).map((c) => /^CN=.*$/m.exec(c.subject)?.[0])).toEqual([
      'CN=深圳市青禾数字科技有限公司',
      'CN=Demo City CA 2 Issuing CA',
      'CN=Demo City CA 2',
    ]);
  });

  it.each(['demo-person', 'demo-person-ec'])(
    'refuses %s with a wrong password as unreadable',
    async (name) => {
      await expect(openPkcs12(demoFile(name), 'wrong')).rejects.toEqual(
        new Pkcs12Error('pkcs12_unreadable'),
      );
    },
  );

  it('refuses a file that is no PKCS#12', async () => {
    const error = await openPkcs12(new TextEncoder().encode('not a p12').buffer, 'demo').catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ problem: 'pkcs12_unreadable' });
  });
});
