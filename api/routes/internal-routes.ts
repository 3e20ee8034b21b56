import { timingSafeEqual } from 'node:crypto';
import { createAccount, publicAccount } from '../../engine/accounts/account';
import { migrate } from '../../engine/database/database';
import type { RouteModule } from '../app';
import { addRoute } from '../http/api-route';
import { HttpError } from '../http/http-error';
import type { ApiContext } from '../http/route-guards';

interface NewStaff {
  username: string;
  password: string;
  kind: 'officer' | 'admin';
  roles: string[];
  matters: string[] | null;
  displayName: string;
}

const staffBody = {
  type: 'object',
  additionalProperties: false,
  required: ['username', 'password', 'kind', 'roles', 'matters', 'displayName'],
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 128 },
    kind: { enum: ['officer', 'admin'] },
    roles: { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 50 },
    matters: {
      anyOf: [
        { type: 'null' },
        { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 500 },
      ],
    },
    displayName: { type: 'string', minLength: 1, maxLength: 100 },
  },
};

/**
 * Routes for the local CLIs while the portal holds the embedded database: loopback only, with
 * the token the portal wrote to DATA_DIR. With PostgreSQL the CLIs use the database directly.
 */
export const internalRoutes: RouteModule = (router, services) => {
  addRoute<NewStaff>(router, {
    method: 'post',
    path: '/internal/users',
    tag: 'internal',
    summary: 'Add a staff account for `matterflow user add` (local CLI only)',
    access: 'local',
    body: staffBody,
    responses: { 201: '`{user}`; 409 `username_taken`; 403 `local_only`' },
    async handler(ctx, { body }) {
      requireLocal(ctx, services.localToken);
      const account = await createAccount(services.engine.database, body);
      ctx.status = 201;
      ctx.body = { user: publicAccount(account) };
    },
  });

  addRoute(router, {
    method: 'post',
    path: '/internal/migrate',
    tag: 'internal',
    summary: 'Bring the schema up to date for `matterflow migrate` (local CLI only)',
    access: 'local',
    responses: { 200: '`{applied: [names]}`, empty when up to date; 403 `local_only`' },
    async handler(ctx) {
      requireLocal(ctx, services.localToken);
      ctx.body = { applied: await migrate(services.engine.database) };
    },
  });
};

function requireLocal(ctx: ApiContext, token: string | undefined): void {
  const given = Buffer.from(ctx.get('authorization').replace(/^Bearer /, ''));
  const expected = Buffer.from(token ?? '');
  const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(
    ctx.req.socket.remoteAddress ?? '',
  );
  const matches =
    token !== undefined && given.length === expected.length && timingSafeEqual(given, expected);
  if (!loopback || !matches)
    throw new HttpError(403, 'local_only', 'only local CLIs may call this');
}
