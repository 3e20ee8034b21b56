import { X509Certificate, verify } from 'node:crypto';
import { request } from 'node:http';
import { type SigningHelper, startSigningHelper } from './signing-helper';

const portal = 'http://localhost:3999';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** node:http rather than fetch, to send exactly the Origin and Host given. */
function call(
  helper: SigningHelper,
  method: string,
  path: string,
  headers: Record<string, string> = { origin: portal },
  body?: unknown,
): Promise<Answer> {
  const url = new URL(path, helper.url);
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const parsed = text ? (JSON.parse(text) as unknown) : null;
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed });
      });
    });
    sent.on('error', reject);
    sent.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function errorCode(answer: Answer): unknown {
  return (answer.body as { error?: { code?: string } }).error?.code;
}

describe('the reference signing helper', () => {
  let helper: SigningHelper;
  beforeAll(async () => {
    helper = await startSigningHelper({ port: 0, origin: portal });
  });
  afterAll(() => helper.close());

  it('listens on loopback', () => {
    expect(helper.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lists the demo certificates, each with its chain, to the portal origin', async () => {
    const answer = await call(helper, 'GET', '/certificates');
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(portal);
    const tokens = answer.body as { id: string; label: string; certificate: string }[];
    const company = tokens.find((token) => token.id === 'demo-company');
    expect(company?.label).toBe('深圳市青禾数字科技有限公司 (demo-company.p12)');
    expect(company?.certificate.match(/-----BEGIN CERTIFICATE-----/g)?.length).toBeGreaterThan(1);
    expect(new X509Certificate(company!.certificate).subject).toContain('91440300MA5G2R8W81');
    expect(tokens.map((token) => token.id)).toEqual(
      expect.arrayContaining(['demo-person', 'demo-person-expired']),
    );
  });

  it('signs the UTF-8 bytes of a nonce so that the certificate verifies it', async () => {
    const nonce = 'nonce-挑战-0123456789';
    const headers = { origin: portal, 'content-type': 'application/json' };
    const answer = await call(helper, 'POST', '/sign', headers, { id: 'demo-company', nonce });
    expect(answer.status).toBe(200);
    const { certificate, signature } = answer.body as { certificate: string; signature: string };
    const publicKey = new X509Certificate(certificate).publicKey;
    const signed = Buffer.from(nonce, 'utf8');
    expect(verify('sha256', signed, publicKey, Buffer.from(signature, 'base64'))).toBe(true);
    expect(
      verify('sha256', Buffer.from('other'), publicKey, Buffer.from(signature, 'base64')),
    ).toBe(false);
  });

  it('refuses another origin, or none, with 403 and no CORS header', async () => {
    const other = { origin: 'https://evil.example' };
    for (const answer of [
      await call(helper, 'GET', '/certificates', other),
      await call(helper, 'POST', '/sign', other, { id: 'demo-company', nonce: 'x' }),
      await call(helper, 'GET', '/certificates', {}),
    ]) {
      expect(answer.status).toBe(403);
      expect(errorCode(answer)).toBe('origin_refused');
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('refuses a Host that is not loopback (a DNS rebinding page)', async () => {
    const headers = { origin: portal, host: 'helper.evil.example' };
    const answer = await call(helper, 'GET', '/certificates', headers);
    expect(answer.status).toBe(403);
    expect(errorCode(answer)).toBe('host_refused');
  });

  it('answers the preflight of the portal origin only', async () => {
    const preflight = {
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    };
    const allowed = await call(helper, 'OPTIONS', '/sign', { ...preflight, origin: portal });
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(portal);
    expect(allowed.headers['access-control-allow-methods']).toContain('POST');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/content-type/i);

    const other = { ...preflight, origin: 'http://localhost:4000' };
    const refused = await call(helper, 'OPTIONS', '/sign', other);
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('says which token is missing and which request is malformed', async () => {
    const headers = { origin: portal, 'content-type': 'application/json' };
    const missing = await call(helper, 'POST', '/sign', headers, { id: '../x', nonce: 'n' });
    expect([missing.status, errorCode(missing)]).toEqual([404, 'token_not_found']);
    const malformed = await call(helper, 'POST', '/sign', headers, { id: 'demo-company' });
    expect([malformed.status, errorCode(malformed)]).toEqual([400, 'request_invalid']);
    const wrongMethod = await call(helper, 'POST', '/certificates', headers, {});
    expect([wrongMethod.status, errorCode(wrongMethod)]).toEqual([405, 'method_not_allowed']);
  });
});
