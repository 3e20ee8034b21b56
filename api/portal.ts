import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type SsoSetting, ssoSettingsFromEnv } from '../engine/accounts/sso-settings';
import { FileStore } from '../engine/attachments/file-store';
import { type CertificateTrust, certificateTrustFromEnv } from '../engine/certificates/ca-trust';
import { seedContent } from '../engine/content/seed-content';
import { ensureDemoAccounts, type DemoAccount } from '../engine/demo/demo-accounts';
import { type Logger, rootLogger } from '../engine/logger';
import { publishFolders } from '../engine/registry/publish-folder';
import { type EngineRuntime, createEngineRuntime } from '../engine/runtime/engine-runtime';
import { writePortalClaim } from '../engine/runtime/portal-claim';
import { RuntimeConfigError, runtimeConfigFromEnv } from '../engine/runtime/runtime-config';
import type { ApiConfig } from './api-services';
import { type RouteModule, createApp } from './app';
import { type DemoIdentity, demoIdentities } from './sso/demo-identities';
import { listenWithSso } from './sso/portal-sso';

export interface PortalOptions {
  env?: NodeJS.ProcessEnv;
  apiConfig: ApiConfig;
  modules: RouteModule[];
  logger?: Logger;
}

export interface Portal {
  url: string;
  runtime: EngineRuntime;
  /** Demo accounts created at this start (only on the embedded defaults). */
  demoAccounts: DemoAccount[];
  /** The demo provider's identities, when it runs (OIDC_ISSUER unset, not production). */
  demoIdentities: DemoIdentity[];
  stop(): Promise<void>;
}

/**
 * Starts the whole portal: engine runtime (migrations, delivery, timers), the matters of
 * MATTERS_DIR published, demo accounts on the embedded defaults, and the HTTP API on PORT.
 * Configuration problems stop it before it listens.
 */
export async function startPortal(options: PortalOptions): Promise<Portal> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? rootLogger;
  const config = runtimeConfigFromEnv(env);
  const certificateTrust = certificateTrustFromEnv(env, logger);
  const ssoSetting = ssoSettingsFromEnv(env);
  const runtime = await createEngineRuntime(config, { logger });
  try {
    await seedContent(runtime.database, join(__dirname, '..', 'examples', 'content'));
    const published = await publishFolders(runtime.database, mattersFolders(env));
    logger.info(
      { matters: published.map((p) => `${p.matterId}@${p.version}`) },
      'matters published',
    );
    const demoAccounts = config.databaseUrl ? [] : await ensureDemoAccounts(runtime.database);
    const localToken = randomBytes(32).toString('base64url');
    const server = await listen(
      runtime,
      options,
      logger,
      port(env),
      {
        localToken,
        certificateTrust,
      },
      ssoSetting,
    );
    const { port: actualPort } = server.address() as AddressInfo;
    const url = `http://localhost:${actualPort}`;
    // Only this process may open the embedded database; CLIs ask it instead (see portal-claim).
    const releaseClaim = config.databaseUrl
      ? () => undefined
      : writePortalClaim(runtime.config.dataDir, {
          url: `http://127.0.0.1:${actualPort}`,
          token: localToken,
        });
    return {
      url,
      runtime,
      demoAccounts,
      demoIdentities: ssoSetting === 'demo' ? demoIdentities : [],
      async stop() {
        releaseClaim();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await runtime.stop();
      },
    };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}

async function listen(
  runtime: EngineRuntime,
  options: PortalOptions,
  logger: Logger,
  portNumber: number,
  extra: { localToken: string; certificateTrust: CertificateTrust },
  ssoSetting: SsoSetting,
): Promise<Server> {
  const services = {
    engine: runtime.context,
    files: new FileStore(runtime.config.dataDir),
    config: options.apiConfig,
    logger,
    ...extra,
  };
  const app = createApp(services, options.modules);
  // The unified identity provider, or the demo provider under /oidc of the same server.
  const { server } = await listenWithSso(app, services, { port: portNumber, setting: ssoSetting });
  return server;
}

function mattersFolders(env: NodeJS.ProcessEnv): string[] {
  const configured = env.MATTERS_DIR?.split(',').filter(Boolean);
  return configured?.length ? configured : [join(__dirname, '..', 'examples', 'matters')];
}

function port(env: NodeJS.ProcessEnv): number {
  const value = env.PORT?.trim() || '3000';
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65535) {
    throw new RuntimeConfigError('PORT', `PORT must be a port number, not "${value}"`);
  }
  return parsed;
}
