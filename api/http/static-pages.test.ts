import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../engine/attachments/file-store';
import { type EngineFixture, createEngineFixture } from '../../test/support/engine-fixture';
import { ApiClient } from '../../test/support/api-client';
import type { ApiServices } from '../api-services';
import { createApp } from '../app';
import { catalogRoutes } from '../routes/catalog-routes';

const indexHtml = '<!doctype html><title>portal</title><div id="app"></div>';
const script = 'console.log("page")';

/** A folder shaped like Vite's output, and a secret file beside it that must stay unreachable. */
function builtPages(): string {
  const parent = mkdtempSync(join(tmpdir(), 'matterflow-pages-'));
  const folder = join(parent, 'renderer');
  mkdirSync(join(folder, 'assets'), { recursive: true });
  writeFileSync(join(folder, 'index.html'), indexHtml);
  writeFileSync(join(folder, 'assets', 'index-Ab12Cd34.js'), script);
  writeFileSync(join(folder, 'robots.txt'), 'User-agent: *\n');
  writeFileSync(join(folder, 'assets', 'big-Ef56Gh78.js'), 'x'.repeat(32 * 1024 * 1024));
  writeFileSync(join(parent, 'secret.txt'), 'do not serve');
  return folder;
}

async function listen(
  fixture: EngineFixture,
  pagesDir: string,
  caHelperUrl?: string,
): Promise<Server> {
  const services: ApiServices = {
    engine: fixture.context,
    files: new FileStore(mkdtempSync(join(tmpdir(), 'matterflow-files-'))),
    config: { captcha: false, secureCookies: false, jsonLimit: '1mb', pagesDir, caHelperUrl },
    logger: fixture.context.logger,
  };
  const server = createApp(services, [catalogRoutes]).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

const baseUrl = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/**
 * Sends the path exactly as written (fetch would resolve `..` and escapes) and only the headers
 * given (fetch adds `Cache-Control: no-cache` to a conditional request).
 */
function rawGet(
  server: Server,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const port = (server.address() as AddressInfo).port;
    const sent = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('the built web pages served by the portal', () => {
  let fixture: EngineFixture;
  let built: Server;
  let unbuilt: Server;
  let withHelper: Server;
  let client: ApiClient;
  beforeAll(async () => {
    fixture = await createEngineFixture('postgres');
    built = await listen(fixture, builtPages());
    unbuilt = await listen(fixture, mkdtempSync(join(tmpdir(), 'matterflow-no-pages-')));
    withHelper = await listen(fixture, builtPages(), 'http://127.0.0.1:17380');
    client = new ApiClient(baseUrl(built));
  }, 60_000);
  afterAll(async () => {
    for (const server of [built, unbuilt, withHelper]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await fixture.drop();
  });

  it('answers a page address with index.html, revalidated on every visit', async () => {
    for (const path of ['/', '/matters/commercial-entity-establishment', '/login?returnTo=%2F']) {
      const response = await client.get(path);
      expect(response.status).toBe(200);
      expect(response.text).toBe(indexHtml);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('sends pages with a policy loading nothing from elsewhere, framing forbidden', async () => {
    const page = await client.get('/login');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self' 'unsafe-eval'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(policy).toContain("connect-src 'self';");
    const asset = await client.get('/assets/index-Ab12Cd34.js');
    expect(asset.headers.get('content-security-policy')).toBeNull();
  });

  it('lets the pages reach the signing helper of CA_HELPER_URL and nothing else', async () => {
    const page = await new ApiClient(baseUrl(withHelper)).get('/login');
    const policy = page.headers.get('content-security-policy') ?? '';
    const others = policy.replace("connect-src 'self' http://127.0.0.1:17380;", '');
    expect(others).not.toBe(policy);
    expect(others).not.toContain('127.0.0.1');
    expect(others).toBe(
      (await client.get('/login')).headers
        .get('content-security-policy')
        ?.replace("connect-src 'self';", ''),
    );
  });

  it('serves a hashed asset with a year of cache and a plain file without', async () => {
    const asset = await client.get('/assets/index-Ab12Cd34.js');
    expect(asset.status).toBe(200);
    expect(asset.text).toBe(script);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const robots = await client.get('/robots.txt');
    expect(robots.text).toBe('User-agent: *\n');
    expect(robots.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers HEAD with the headers only', async () => {
    const response = await client.request('HEAD', '/assets/index-Ab12Cd34.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(script.length));
    expect(response.text).toBe('');
  });

  it('answers 304 when the browser has the file already', async () => {
    const first = await client.get('/');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await rawGet(built, '/', { 'if-none-match': etag })).status).toBe(304);
    expect((await rawGet(built, '/', { 'if-none-match': 'W/"other"' })).status).toBe(200);
  });

  it('does not hand out index.html for a missing asset', async () => {
    const response = await client.get('/assets/index-gone.js');
    expect(response.status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%E0%A4%A'])(
    'never serves %s from outside the folder',
    async (path) => {
      const response = await rawGet(built, path);
      expect(response.body).not.toContain('do not serve');
      expect([400, 404]).toContain(response.status);
    },
  );

  it('leaves /api to the API: routes answer, unknown ones get the JSON 404', async () => {
    expect((await client.get('/api/categories')).status).toBe(200);
    for (const path of ['/api/nowhere', '/api']) {
      const response = await client.get(path);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
  });

  it('answers other methods outside /api with the JSON 404', async () => {
    const response = await client.post('/matters', {});
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });

  it('lets a browser leave in the middle of a file without an error on the console', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const port = (built.address() as AddressInfo).port;
      await new Promise<void>((resolve) => {
        const sent = httpRequest({ host: '127.0.0.1', port, path: '/assets/big-Ef56Gh78.js' });
        sent.on('response', (response) => response.once('data', () => sent.destroy()));
        sent.on('close', () => resolve());
        sent.end();
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(consoleError).not.toHaveBeenCalled();
      expect((await client.get('/robots.txt')).status).toBe(200);
    } finally {
      consoleError.mockRestore();
    }
  });

  it('tells to run npm run build when the pages are missing', async () => {
    const response = await new ApiClient(baseUrl(unbuilt)).get('/workstation');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.text).toContain('npm run build');
  });
});
