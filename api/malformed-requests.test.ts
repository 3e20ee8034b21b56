import Router from '@koa/router';
import fc from 'fast-check';
import { createAccount } from '../engine/accounts/account';
import { postgresSessionStore } from '../engine/accounts/session-store';
import { startApplication } from '../engine/applications/start-application';
import { type TestApiServer, startTestApiServer } from '../test/support/api-server';
import { enterpriseContact } from '../test/support/engine-fixture';
import type { ApiState } from './http/api-state';
import { type RouteSpec, routeSpecs } from './http/api-route';
import { routeModules } from './route-modules';

/**
 * Thousands of malformed requests across every route: wrong types, broken JSON, odd path ids,
 * wrong content types, missing CSRF tokens. None may answer 5xx, and every error carries a code.
 */
describe('malformed requests across all endpoints', () => {
  let server: TestApiServer;
  let specs: readonly RouteSpec<never, never>[];
  let cookie: string;
  let csrfToken: string;
  let applicationId: string;

  beforeAll(async () => {
    server = await startTestApiServer(routeModules, { kind: 'postgres' });
    const router = new Router<ApiState>({ prefix: '/api' });
    for (const register of routeModules) register(router, server.services);
    specs = routeSpecs(router);
    const database = server.services.engine.database;
    const account = await createAccount(database, {
      username: 'fuzzer',
      password: 'Fuzz-pass-2026',
      kind: 'enterprise',
      displayName: '模糊测试有限公司',
    });
    const { sid, session } = await postgresSessionStore(database).create(account.id, 'password');
    cookie = `sid=${sid}`;
    csrfToken = session.csrfToken;
    const actor = {
      id: account.id,
      kind: 'applicant' as const,
      applicantType: 'enterprise' as const,
    };
    const application = await startApplication(server.services.engine, {
      matterId: 'commercial-entity-establishment',
      applicant: actor,
      contact: enterpriseContact,
    });
    applicationId = application.id;
  }, 60_000);
  afterAll(() => server.close());

  const pathValue = fc.oneof(
    fc.constant('APPLICATION'),
    fc.uuid(),
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '..',
      '%00',
      '%E4%B8',
      '0',
      '-1',
      'x'.repeat(500),
      'commercial-entity-establishment',
    ),
  );
  const body = fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 200 }),
    fc
      .dictionary(
        fc.constantFrom(
          'type',
          'data',
          'version',
          'username',
          'password',
          'matterId',
          'comment',
          'captchaId',
          'code',
          'channel',
          'kind',
          'profile',
        ),
        fc.jsonValue(),
      )
      .map((v) => JSON.stringify(v)),
    fc.constantFrom('{"a":', '[]', 'null', '"x"', '{"version": -1, "data": []}', '{'.repeat(300)),
  );
  const contentType = fc.constantFrom(
    'application/json',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    undefined,
  );
  const request = fc.record({
    spec: fc.integer({ min: 0, max: 10_000 }),
    params: fc.array(pathValue, { minLength: 3, maxLength: 3 }),
    body,
    contentType,
    withSession: fc.boolean(),
    withCsrf: fc.boolean(),
    query: fc.dictionary(
      fc.constantFrom('page', 'pageSize', 'category', 'status', 'matterId', 'role'),
      fc.string({ maxLength: 12 }),
    ),
  });

  it('never answers 5xx and always gives an error code', async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const spec = specs[input.spec % specs.length];
        if (!spec) return;
        let i = 0;
        const path = spec.path.replace(/:[A-Za-z0-9_]+/g, () => {
          const value = input.params[i++] ?? 'x';
          return value === 'APPLICATION' ? applicationId : encodeURIComponent(value);
        });
        const query = new URLSearchParams(input.query).toString();
        const headers: Record<string, string> = {};
        if (input.contentType) headers['content-type'] = input.contentType;
        if (input.withSession) headers.cookie = cookie;
        if (input.withCsrf) headers['x-csrf-token'] = csrfToken;
        const method = spec.method.toUpperCase();
        const response = await fetch(`${server.baseUrl}/api${path}${query ? `?${query}` : ''}`, {
          method,
          headers,
          body: method === 'GET' ? undefined : input.body,
        });
        sent++;
        const text = await response.text();
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          const parsed = JSON.parse(text);
          expect(typeof parsed.error.code).toBe('string');
          expect(Array.isArray(parsed.error.details)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
    expect(sent).toBe(2000);
  }, 300_000);
});
