import type Router from '@koa/router';
import type { ApiState } from '../http/api-state';
import { type RouteSpec, routeSpecs } from '../http/api-route';

const errorResponses: Record<number, string> = {
  400: 'malformed request',
  401: 'not logged in',
  403: 'not allowed, or the CSRF token is missing',
  404: 'unknown',
  409: 'conflict of state or version',
  413: 'body too large',
  415: 'unsupported content type',
  422: 'valid JSON that breaks a rule; `details` lists every bad field',
  429: 'rate limited',
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', description: 'stable snake_case code' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            required: ['pointer', 'code', 'message'],
            properties: {
              pointer: { type: 'string', description: 'JSON pointer of the bad field' },
              code: { type: 'string' },
              message: { type: 'string' },
            },
          },
        },
      },
    },
  },
};

/**
 * The OpenAPI 3.1 document of every route registered through addRoute: built from the same
 * specs that route and validate requests, so it cannot drift from the router.
 */
export function buildOpenApiDocument(router: Router<ApiState>, version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routeSpecs(router)) {
    const path = toOpenApiPath(spec.path);
    paths[path] = { ...paths[path], [spec.method]: operation(spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Matterflow portal API',
      version,
      description:
        'JSON in and out under /api. Errors share one body; ' +
        'state-changing requests made with a session carry X-CSRF-Token ' +
        'from GET /api/auth/session.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'sid' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
    },
  };
}

/** `/applications/:id/events` → `/api/applications/{id}/events`. */
export function toOpenApiPath(koaPath: string): string {
  return '/api' + koaPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operation(spec: RouteSpec<never, never>) {
  return {
    tags: [spec.tag],
    summary: spec.summary,
    operationId: operationId(spec),
    'x-access': spec.access,
    ...(spec.access === 'public' ? { security: [] } : { security: [{ session: [] }] }),
    parameters: [...pathParameters(spec.path), ...queryParameters(spec.query)],
    ...(spec.body || spec.multipart ? { requestBody: requestBody(spec) } : {}),
    responses: responses(spec),
  };
}

/** `post /applications/:id/events` → `postApplicationsIdEvents`. */
function operationId(spec: RouteSpec<never, never>): string {
  const camel = spec.path.replace(/[/:{}-]+(.)?/g, (_, c: string | undefined) =>
    (c ?? '').toUpperCase(),
  );
  return spec.method + camel;
}

function pathParameters(path: string) {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function queryParameters(query: object | undefined) {
  const properties = (
    query as { properties?: Record<string, object>; required?: string[] } | undefined
  )?.properties;
  if (!properties) return [];
  const required = (query as { required?: string[] }).required ?? [];
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema,
  }));
}

function requestBody(spec: RouteSpec<never, never>) {
  const content = spec.multipart
    ? { 'multipart/form-data': { schema: { type: 'object' } } }
    : { 'application/json': { schema: spec.body } };
  return { required: true, content };
}

function responses(spec: RouteSpec<never, never>) {
  const result: Record<string, unknown> = {};
  for (const [status, description] of Object.entries(spec.responses)) {
    result[status] = { description };
  }
  for (const [status, description] of Object.entries(errorResponses)) {
    if (!(status in result)) {
      result[status] = {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
  }
  return result;
}
