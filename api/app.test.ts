import type { RouteModule } from './app';
import { ApiClient } from '../test/support/api-client';
import { type TestApiServer, startTestApiServer } from '../test/support/api-server';
import { HttpError } from './http/http-error';

const probe: RouteModule = (router) => {
  router.get('/probe', (ctx) => {
    ctx.body = { ok: true };
  });
  router.post('/probe', (ctx) => {
    ctx.body = { received: ctx.request.body };
  });
  router.get('/boom', () => {
    throw new Error('secret internals');
  });
  router.get('/teapot', () => {
    throw new HttpError(409, 'state_conflict', 'no');
  });
};

describe('the HTTP skeleton', () => {
  let server: TestApiServer;
  let client: ApiClient;
  beforeAll(async () => {
    server = await startTestApiServer([probe], { kind: 'embedded' });
    client = new ApiClient(server.baseUrl);
  }, 60_000);
  afterAll(() => server.close());

  it('answers JSON on a known route', async () => {
    expect(await client.get('/api/probe')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it.each([
    ['GET', '/api/nowhere', undefined, {}, 404, 'not_found'],
    ['DELETE', '/api/probe', undefined, {}, 405, 'method_not_allowed'],
    ['POST', '/api/probe', '{"a": ', {}, 400, 'malformed_request'],
    [
      'POST',
      '/api/probe',
      'a=1',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'unsupported_media_type',
    ],
    ['POST', '/api/probe', JSON.stringify({ a: 'x'.repeat(1_100_000) }), {}, 413, 'body_too_large'],
    ['GET', '/api/teapot', undefined, {}, 409, 'state_conflict'],
  ])('%s %s answers the JSON error body', async (method, path, body, headers, status, code) => {
    const response = await client.request(method, path, body, headers);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error: { code, message: expect.any(String), details: [] } });
    // Chinese by default, as every page of the portal is.
    expect(response.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('hides the cause of a 500', async () => {
    const response = await client.get('/api/boom');
    expect(response.status).toBe(500);
    expect(response.text).not.toContain('secret');
    expect(response.body.error.code).toBe('internal_error');
  });
});
