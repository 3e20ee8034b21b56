import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiServices } from '../../api/api-services';
import { type RouteModule, createApp } from '../../api/app';
import { type ListeningPortal, listenWithSso } from '../../api/sso/portal-sso';
import { FileStore } from '../../engine/attachments/file-store';
import { type EngineFixture, createEngineFixture } from '../support/engine-fixture';

export interface SsoTestPortal extends ListeningPortal {
  services: ApiServices;
  fixture: EngineFixture;
  close(): Promise<void>;
}

/**
 * The portal as `npm start` serves it with OIDC_ISSUER unset: the API and the demo provider
 * under `/oidc` of one server (through the same `listenWithSso`), over a fresh database.
 */
export async function startSsoTestPortal(modules: RouteModule[]): Promise<SsoTestPortal> {
  const fixture = await createEngineFixture('postgres');
  const services: ApiServices = {
    engine: fixture.context,
    files: new FileStore(mkdtempSync(join(tmpdir(), 'matterflow-sso-'))),
    config: { captcha: false, secureCookies: false, jsonLimit: '1mb' },
    logger: fixture.context.logger,
  };
  const app = createApp(services, modules);
  const portal = await listenWithSso(app, services, { port: 0, setting: 'demo' });
  return {
    ...portal,
    services,
    fixture,
    async close() {
      portal.server.closeAllConnections();
      await new Promise((resolve) => portal.server.close(resolve));
      await fixture.drop();
    },
  };
}

export interface Visit {
  status: number;
  /** The absolute URL a redirect points to, if it is one. */
  location?: string;
  body: string;
  json?: { error?: { code: string }; [key: string]: unknown };
}

/**
 * A browser for one origin: keeps cookies (by name: the portal and the demo provider share the
 * origin and never reuse a name), follows nothing by itself, so a test sees every redirect.
 */
export class TestBrowser {
  private readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  async visit(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    return this.send(url, init.method ?? (init.form ? 'POST' : 'GET'), init.form);
  }

  async json(url: string, method = 'GET', body?: unknown): Promise<Visit> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return this.request(url, { method, headers, body: payload });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private send(url: string, method: string, form?: Record<string, string>): Promise<Visit> {
    const headers: Record<string, string> = { accept: 'text/html,*/*;q=0.8' };
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const body = form ? new URLSearchParams(form).toString() : undefined;
    return this.request(url, { method, headers, body });
  }

  private async request(url: string, init: RequestInit): Promise<Visit> {
    const headers = { ...(init.headers as Record<string, string>) };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.keepCookies(response);
    const body = await response.text();
    const location = response.headers.get('location');
    const isJson = response.headers.get('content-type')?.includes('json');
    return {
      status: response.status,
      body,
      ...(location && { location: new URL(location, url).href }),
      ...(isJson && body && { json: JSON.parse(body) }),
    };
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      if (!value || attributes.some(isExpiry)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

function isExpiry(attribute: string): boolean {
  const [key = '', value = ''] = attribute.split('=');
  if (key.toLowerCase() === 'max-age') return Number(value) <= 0;
  if (key.toLowerCase() === 'expires') return new Date(value).getTime() <= Date.now();
  return false;
}
