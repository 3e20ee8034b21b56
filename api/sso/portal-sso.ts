import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SsoClient } from '../../engine/accounts/sso-client';
import { type SsoSetting, defaultSsoScope } from '../../engine/accounts/sso-settings';
import type { Logger } from '../../engine/logger';
import type { ApiServices } from '../api-services';
import { type DemoProvider, createDemoProvider } from './demo-provider';

/** Where the provider sends the browser back with the code, under the portal's origin. */
export const ssoCallbackPath = '/api/auth/sso/callback';
/** Where the demo provider answers, under the portal's origin. */
export const demoProviderPath = '/oidc';
export const demoClientId = 'matterflow-portal';

export interface PortalSso {
  /** Absent when unified identity is off. */
  client?: SsoClient;
  /** The demo provider, when OIDC_ISSUER is unset (and not in production). */
  demo?: DemoProvider;
}

export interface ListeningPortal {
  server: Server;
  /** The portal's origin as browsers reach it: PUBLIC_URL, or `http://localhost:PORT`. */
  publicUrl: string;
  sso: PortalSso;
}

/**
 * Serves the portal's Koa app on `port` together with its unified identity (`setting`): the
 * configured provider, or the demo provider under `/oidc` of the same server, so that one port
 * and one origin serve both. Sets `services.sso` once listening (the demo's issuer needs the
 * port) and starts the provider's discovery; a provider that does not answer yet is logged,
 * and logins answer `sso_unavailable` until it does.
 *
 * @example
 * const { server, sso } = await listenWithSso(createApp(services, modules), services, {
 *   port: 3000, setting: ssoSettingsFromEnv(env) });
 */
export async function listenWithSso(
  app: { callback(): (req: IncomingMessage, res: ServerResponse) => unknown },
  services: ApiServices,
  options: { port: number; setting: SsoSetting },
): Promise<ListeningPortal> {
  let demo: DemoProvider | undefined;
  const portal = app.callback();
  const server = createServer((req, res) => {
    if (demo && isUnder(req.url ?? '/', demo.mountPath)) demo.handle(req, res);
    else void portal(req, res);
  });
  server.listen(options.port);
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const publicUrl = services.config.publicUrl ?? `http://localhost:${port}`;
    const sso = await portalSso(options.setting, publicUrl, services.logger, {
      trustProxy: services.config.trustProxy,
    });
    demo = sso.demo;
    services.sso = sso.client;
    sso.client?.discover().catch(() => undefined);
    return { server, publicUrl, sso };
  } catch (error) {
    server.close();
    throw error;
  }
}

/** The client of the configured provider, or the demo provider and the client registered at it. */
export async function portalSso(
  setting: SsoSetting,
  publicUrl: string,
  logger: Logger,
  options: { trustProxy?: boolean } = {},
): Promise<PortalSso> {
  const redirectUri = `${publicUrl}${ssoCallbackPath}`;
  const postLogoutRedirectUri = `${publicUrl}/`;
  const ends = { redirectUri, postLogoutRedirectUri, logger };
  if (setting === 'off') {
    logger.info('unified identity is off: set OIDC_ISSUER to offer it');
    return {};
  }
  if (setting !== 'demo') {
    // Plain HTTP passed the settings only for a provider on this machine.
    const allowHttp = setting.issuer.protocol === 'http:';
    return { client: new SsoClient({ ...setting, ...ends, allowHttp }) };
  }
  const client = {
    clientId: demoClientId,
    clientSecret: randomBytes(32).toString('base64url'),
    redirectUri,
    postLogoutRedirectUri,
  };
  const issuer = `${publicUrl}${demoProviderPath}`;
  const demo = await createDemoProvider({ issuer, client, logger, ...options });
  const { clientId, clientSecret } = client;
  const settings = { issuer: new URL(issuer), clientId, clientSecret, scope: defaultSsoScope };
  return { client: new SsoClient({ ...settings, ...ends, allowHttp: true }), demo };
}

function isUnder(url: string, mountPath: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === mountPath || path.startsWith(`${mountPath}/`);
}
