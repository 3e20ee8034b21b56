import { Redis } from 'ioredis';
import { createAccount } from '../../engine/accounts/account';
import { redisSessionStore } from '../../engine/accounts/redis-session-store';
import { ApiClient } from '../../test/support/api-client';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { type TestRedisSessions, testRedisSessions } from '../../test/support/redis-sessions';
import { applicationRoutes } from './application-routes';
import { authRoutes } from './auth-routes';

let store: TestRedisSessions;
let server: TestApiServer;

beforeAll(async () => {
  store = testRedisSessions();
  const { sessions } = store;
  server = await startTestApiServer([authRoutes, applicationRoutes], { captcha: false, sessions });
  await createAccount(server.services.engine.database, {
    username: 'redis-user',
    password: 'Spring-2026!',
    kind: 'enterprise',
    displayName: '红石有限公司',
  });
}, 60_000);

afterAll(async () => {
  await store.close();
  await server.close();
});

it('keeps login sessions in Redis and none in PostgreSQL', async () => {
  const browser = new ApiClient(server.baseUrl);
  const login = await browser.post('/api/auth/login', {
    username: 'redis-user',
    password: 'Spring-2026!',
  });
  expect(login.status).toBe(200);
  browser.csrfToken = login.body.csrfToken;

  expect((await browser.get('/api/workstation/summary')).status).toBe(200);
  expect(await store.sessionKeys()).toHaveLength(1);
  const rows = await server.services.engine.database('sessions').select('id');
  expect(rows).toHaveLength(0);

  expect((await browser.post('/api/auth/logout')).status).toBe(204);
  expect(await store.sessionKeys()).toHaveLength(0);
  expect((await browser.get('/api/workstation/summary')).status).toBe(401);
});

it('answers 503 with a code, not 500, while the session store cannot be reached', async () => {
  const browser = new ApiClient(server.baseUrl);
  const login = await browser.post('/api/auth/login', {
    username: 'redis-user',
    password: 'Spring-2026!',
  });
  expect(login.status).toBe(200);
  const broken = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, lazyConnect: true });
  broken.on('error', () => undefined);
  const previous = server.services.engine.sessions;
  server.services.engine.sessions = redisSessionStore(broken, store.prefix);
  try {
    const response = await browser.get('/api/workstation/summary');
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('session_store_unavailable');
  } finally {
    server.services.engine.sessions = previous;
    broken.disconnect();
  }
});
