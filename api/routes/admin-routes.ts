import { toMermaid } from '../../definitions/workflow/workflow-graph';
import { listFailedOutboxRows, retryFailedOutboxRows } from '../../engine/outbox/outbox-store';
import {
  addMatterVersion,
  listMatterVersions,
  loadMatterVersion,
  publishMatterVersion,
  retireMatterVersion,
} from '../../engine/registry/matter-registry';
import type { RouteModule } from '../app';
import { addRoute } from '../http/api-route';
import { requireKind } from '../http/route-guards';
import { definitionInvalid, lintBundle, previewDefinition } from './definition-bundle';

/** Anything JSON: the linter, not the request schema, judges a bundle's shape. */
const bundleBody = { type: 'object' };

const versionPath = '/admin/matters/:id/versions/:version';

const failedQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
    applicationId: { type: 'string', format: 'uuid' },
  },
};

const retryBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ids: { type: 'array', maxItems: 1000, items: { type: 'integer', minimum: 1 } },
  },
};

/**
 * The administrator's console API (DESIGN.md, administrator): upload a definition bundle,
 * which is linted and stored as a draft version; lint one for a preview; list, read, publish
 * and retire versions; read and retry the outbox rows that failed. Admin accounts only.
 */
export const adminRoutes: RouteModule = (router, services) => {
  const { database } = services.engine;

  addRoute(router, {
    method: 'post',
    path: '/admin/matters',
    tag: 'admin',
    summary: 'Lint a definition bundle and store it as a draft version',
    access: 'admin',
    body: bundleBody,
    responses: { 201: '{matterId, version, status, hash, findings}: the warnings' },
    async handler(ctx) {
      requireKind(ctx, 'admin');
      const linted = lintBundle(requestText(ctx));
      if (!linted.valid) throw definitionInvalid(linted.findings);
      const summary = await addMatterVersion(database, linted.loaded);
      ctx.state.log.info({ matter: `${summary.matterId}@${summary.version}` }, 'definition stored');
      ctx.status = 201;
      ctx.body = { ...summary, findings: linted.findings };
    },
  });

  addRoute(router, {
    method: 'post',
    path: '/admin/matters/lint',
    tag: 'admin',
    summary: 'Lint a definition bundle; when clean, preview its form and status diagram',
    access: 'admin',
    body: bundleBody,
    responses: { 200: '{valid, findings, preview?: {graph, formSchema, formUi}}' },
    handler(ctx) {
      requireKind(ctx, 'admin');
      const linted = lintBundle(requestText(ctx));
      const preview = linted.valid ? previewDefinition(linted.loaded) : undefined;
      ctx.body = { valid: linted.valid, findings: linted.findings, preview };
    },
  });

  addRoute(router, {
    method: 'get',
    path: '/admin/matters',
    tag: 'admin',
    summary: 'Every version of every matter, with its status',
    access: 'admin',
    responses: { 200: '{items: [{matterId, version, status, hash}]}' },
    async handler(ctx) {
      requireKind(ctx, 'admin');
      ctx.body = { items: await listMatterVersions(database) };
    },
  });

  addRoute(router, {
    method: 'get',
    path: versionPath,
    tag: 'admin',
    summary: 'One version: its definition and status diagram',
    access: 'admin',
    responses: { 200: '{matterId, version, status, hash, definition, graph}' },
    async handler(ctx) {
      requireKind(ctx, 'admin');
      const { id, version } = ctx.params as { id: string; version: string };
      const compiled = await loadMatterVersion(database, id, version);
      const versions = await listMatterVersions(database);
      const summary = versions.find((v) => v.matterId === id && v.version === version);
      const graph = toMermaid(compiled.definition.workflow);
      ctx.body = { ...summary, definition: compiled.definition, graph };
    },
  });

  for (const [action, change] of [
    ['publish', publishMatterVersion],
    ['retire', retireMatterVersion],
  ] as const) {
    addRoute(router, {
      method: 'post',
      path: `${versionPath}/${action}`,
      tag: 'admin',
      summary: action === 'publish' ? 'Publish a version' : 'Retire a version',
      access: 'admin',
      responses: { 200: '{matterId, version, status, hash}' },
      async handler(ctx) {
        requireKind(ctx, 'admin');
        const { id, version } = ctx.params as { id: string; version: string };
        ctx.body = await change(database, id, version);
        ctx.state.log.info({ matter: `${id}@${version}` }, `matter version ${action}ed`);
      },
    });
  }

  addRoute<unknown, { limit?: string; applicationId?: string }>(router, {
    method: 'get',
    path: '/admin/outbox/failed',
    tag: 'admin',
    summary: 'Outbox rows given up on, newest first',
    access: 'admin',
    query: failedQuery,
    responses: { 200: '{items: [outbox row with status, attempts and lastError]}' },
    async handler(ctx, { query }) {
      requireKind(ctx, 'admin');
      const limit = query.limit === undefined ? undefined : Number(query.limit);
      ctx.body = {
        items: await listFailedOutboxRows(database, { limit, applicationId: query.applicationId }),
      };
    },
  });

  addRoute<{ ids?: number[] }>(router, {
    method: 'post',
    path: '/admin/outbox/retry',
    tag: 'admin',
    summary: 'Deliver failed outbox rows again: all of them, or the ids given',
    access: 'admin',
    body: retryBody,
    responses: { 200: '{retried: [ids]}' },
    async handler(ctx, { body }) {
      requireKind(ctx, 'admin');
      const retried = await retryFailedOutboxRows(database, body.ids);
      if (retried.length > 0) services.engine.afterCommit();
      ctx.state.log.info({ retried: retried.length }, 'failed outbox rows retried');
      ctx.body = { retried };
    },
  });
};

function requestText(ctx: { request: { rawBody?: string; body?: unknown } }): string {
  return ctx.request.rawBody ?? JSON.stringify(ctx.request.body ?? {});
}
