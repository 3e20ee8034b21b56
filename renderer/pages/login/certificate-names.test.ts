import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chainPem, testKeys, testLeaf, testRoot } from '../../../test/support/test-ca';
import { issuerCommonName } from './certificate-names';

const demoUsers = join(__dirname, '..', '..', '..', 'examples', 'demo-ca', 'users');

describe('the issuing CA named in the USB key certificate list', () => {
  it('is the issuer CN of the first certificate of a chain', async () => {
    const pem = readFileSync(join(demoUsers, 'demo-company.pem'), 'utf8');
    expect(await issuerCommonName(pem)).toBe('Demo City CA 2 Issuing CA');
  });

  it('reads a Chinese name (UTF8String) and the issuer of an EC certificate', async () => {
    const root = testRoot('深圳市电子商务认证中心');
    const leaf = testLeaf(root, { keys: testKeys(0, 'ec') });
    expect(await issuerCommonName(chainPem(leaf))).toBe('深圳市电子商务认证中心');
  });

  it('is empty for text that is no certificate', async () => {
    expect(await issuerCommonName('not a certificate')).toBe('');
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    expect(await issuerCommonName(broken)).toBe('');
  });
});
