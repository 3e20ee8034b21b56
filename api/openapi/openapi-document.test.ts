import Router from '@koa/router';
import type { ApiServices } from '../api-services';
import type { ApiState } from '../http/api-state';
import { routeModules } from '../route-modules';
import { ApiClient } from '../../test/support/api-client';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { toOpenApiPath } from './openapi-document';

/** Every method and path the router serves, as OpenAPI writes them. */
function routerOperations(services: ApiServices): string[] {
  const router = new Router<ApiState>({ prefix: '/api' });
  for (const register of routeModules) register(router, services);
  return router.stack.flatMap((layer) =>
    layer.methods
      .filter((method) => method !== 'HEAD')
      .map(
        (method) =>
          `${method.toLowerCase()} ${toOpenApiPath(String(layer.path).replace(/^\/api/, ''))}`,
      ),
  );
}

describe('the OpenAPI document', () => {
  let server: TestApiServer;
  let document: { openapi: string; paths: Record<string, Record<string, { responses: object }>> };
  beforeAll(async () => {
    server = await startTestApiServer(routeModules, { kind: 'embedded' });
    const response = await new ApiClient(server.baseUrl).get('/api/openapi.json');
    expect(response.status).toBe(200);
    document = response.body;
  }, 60_000);
  afterAll(() => server.close());

  it('is OpenAPI 3.1 and lists exactly the routes the router serves', () => {
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual(routerOperations(server.services).sort());
  });

  it('gives every operation its responses, errors included', () => {
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '422']));
      }
    }
  });
});
