import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiServices } from '../../api/api-services';
import type { SessionStore } from '../../engine/accounts/session-store';
import { type RouteModule, createApp } from '../../api/app';
import { FileStore } from '../../engine/attachments/file-store';
import { type EngineFixture, createEngineFixture } from './engine-fixture';
import type { TestDatabaseKind } from './test-database';

export interface TestApiServer {
  baseUrl: string;
  services: ApiServices;
  fixture: EngineFixture;
  close(): Promise<void>;
}

/** The API on a free port over a fresh database with the example matters published. */
export async function startTestApiServer(
  modules: RouteModule[],
  options: {
    kind?: TestDatabaseKind;
    captcha?: boolean;
    sessions?: SessionStore;
    /** Client addresses from X-Forwarded-For, so tests can play several clients. */
    trustProxy?: boolean;
  } = {},
): Promise<TestApiServer> {
  const fixture = await createEngineFixture(options.kind ?? 'postgres');
  if (options.sessions) fixture.context.sessions = options.sessions;
  const dataDir = mkdtempSync(join(tmpdir(), 'matterflow-api-'));
  const services: ApiServices = {
    engine: fixture.context,
    files: new FileStore(dataDir),
    config: {
      captcha: options.captcha ?? true,
      secureCookies: false,
      trustProxy: options.trustProxy ?? false,
      jsonLimit: '1mb',
    },
    logger: fixture.context.logger,
  };
  const server: Server = createApp(services, modules).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    services,
    fixture,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await fixture.drop();
    },
  };
}
