// The reference signing helper for USB-key CA logins (README, "A signing helper for USB keys"):
// the PKCS#12 files of a folder play the inserted tokens. It answers on loopback only, to the
// portal's origin only:
//
// - `GET /certificates` → `[{id, label, certificate}]`, the certificate PEM with its chain;
// - `POST /sign {id, nonce}` → `{certificate, signature}`, base64 of the nonce's UTF-8 bytes
//   signed SHA256withRSA (PKCS#1 v1.5), or SHA256withECDSA (DER) with an EC key.
//
// Errors are `{error: {code, message}}` with a stable code: `origin_refused` and `host_refused`
// (403), `request_invalid` (400), `token_not_found` (404), `not_found` (404),
// `method_not_allowed` (405), `body_too_large` (413), `helper_failed` (500).

import { once } from 'node:events';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readDemoToken, readDemoTokens } from './demo-tokens';

export interface SigningHelperOptions {
  /** The loopback port; default 17380, 0 for any free one. */
  port?: number;
  /** The portal's origin, the only one answered; default `http://localhost:3000`. */
  origin?: string;
  /** The folder of `.p12` files; default `examples/demo-ca/users`. */
  folder?: string;
  /** The password of every file; default `demo`. */
  password?: string;
}

export interface SigningHelper {
  /** `http://127.0.0.1:PORT`, what CA_HELPER_URL names. */
  url: string;
  close(): Promise<void>;
}

export const helperDefaults = {
  port: 17380,
  origin: 'http://localhost:3000',
  folder: join(__dirname, 'users'),
  password: 'demo',
};

type HelperSettings = typeof helperDefaults;

/**
 * Starts the helper on 127.0.0.1. Rejects when the port is taken, and throws on an origin that
 * is no http(s) origin (the helper would then answer nobody).
 *
 * @example
 * const helper = await startSigningHelper({ port: 0, origin: portal.url });
 * // CA_HELPER_URL=helper.url
 * await helper.close();
 */
export async function startSigningHelper(
  options: SigningHelperOptions = {},
): Promise<SigningHelper> {
  const settings: HelperSettings = {
    port: options.port ?? helperDefaults.port,
    origin: portalOrigin(options.origin),
    folder: options.folder ?? helperDefaults.folder,
    password: options.password ?? helperDefaults.password,
  };
  const server = createServer((request, response) => {
    answer(request, response, settings).catch((error: unknown) => {
      console.error('signing helper: a request failed', error);
      sendError(response, new HelperError(500, 'helper_failed', 'see the console of the helper'));
    });
  });
  server.listen(settings.port, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A refusal with its status and stable code. */
class HelperError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function portalOrigin(value = helperDefaults.origin): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url && /^https?:$/.test(url.protocol)) return url.origin;
  throw new Error(
    `the origin must be the portal's, such as ${helperDefaults.origin}, not "${value}"`,
  );
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  settings: HelperSettings,
) {
  const refusal = refusalOf(request, settings.origin);
  if (refusal) return sendError(response, refusal);
  response.setHeader('Access-Control-Allow-Origin', settings.origin);
  response.setHeader('Vary', 'Origin');
  if (request.method === 'OPTIONS') return sendPreflight(request, response);

  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  try {
    if (path === '/certificates') return send(response, 200, listing(request, settings));
    if (path === '/sign') return send(response, 200, await signing(request, settings));
    throw new HelperError(404, 'not_found', `no ${path} here: /certificates or /sign`);
  } catch (error) {
    if (error instanceof HelperError) return sendError(response, error);
    throw error;
  }
}

/**
 * Only the portal's pages may use the tokens: another origin (or none, as from a plain link) is
 * refused, and so is a Host other than loopback, which is how a DNS rebinding page would come.
 */
function refusalOf(request: IncomingMessage, origin: string): HelperError | null {
  const host = hostnameOf(request.headers.host);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    return new HelperError(403, 'host_refused', `Host ${request.headers.host} is not loopback`);
  }
  if (request.headers.origin === origin) return null;
  const given = request.headers.origin ?? 'no Origin';
  return new HelperError(403, 'origin_refused', `this helper answers ${origin} only, not ${given}`);
}

function hostnameOf(host: string | undefined): string {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
}

/** The page POSTs JSON, so the browser asks first; a public portal also asks for loopback. */
function sendPreflight(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
  response.setHeader('Access-Control-Allow-Headers', 'Content-Type');
  response.setHeader('Access-Control-Max-Age', '600');
  if (request.headers['access-control-request-private-network'] === 'true') {
    response.setHeader('Access-Control-Allow-Private-Network', 'true');
  }
  response.statusCode = 204;
  response.end();
}

function listing(request: IncomingMessage, settings: HelperSettings) {
  allowMethod(request, 'GET');
  const { tokens } = readDemoTokens(settings.folder, settings.password);
  return tokens.map(({ id, label, certificate }) => ({ id, label, certificate }));
}

async function signing(request: IncomingMessage, settings: HelperSettings) {
  allowMethod(request, 'POST');
  const { id, nonce } = signRequest(await readJson(request));
  const token = readDemoToken(settings.folder, id, settings.password);
  if (!token) throw new HelperError(404, 'token_not_found', `no token ${id} is inserted`);
  return { certificate: token.certificate, signature: token.sign(nonce) };
}

function allowMethod(request: IncomingMessage, method: string): void {
  if (request.method === method) return;
  throw new HelperError(405, 'method_not_allowed', `${request.method} is not allowed here`);
}

function signRequest(body: unknown): { id: string; nonce: string } {
  const { id, nonce } = (body ?? {}) as Record<string, unknown>;
  const valid = typeof id === 'string' && typeof nonce === 'string';
  if (valid && nonce.length > 0 && nonce.length <= 1024) return { id, nonce };
  throw new HelperError(400, 'request_invalid', 'send {"id": "...", "nonce": "..."} as JSON');
}

const bodyLimit = 16 * 1024;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > bodyLimit) throw new HelperError(413, 'body_too_large', 'over 16 KiB');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HelperError(400, 'request_invalid', 'the body is not JSON');
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, error: HelperError): void {
  if (response.headersSent) return void response.destroy();
  send(response, error.status, { error: { code: error.code, message: error.message } });
}

/** `npm run demo-helper -- --port 17380 --origin http://localhost:3000 --password demo` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(helperDefaults.port) },
      origin: { type: 'string', default: helperDefaults.origin },
      folder: { type: 'string', default: helperDefaults.folder },
      password: { type: 'string', default: helperDefaults.password },
    },
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new Error(`--port must be a port number, not "${values.port}"`);
  }
  const helper = await startSigningHelper({ ...values, port });
  console.log(`Signing helper on ${helper.url}, answering ${values.origin} only.`);
  console.log(`Start the portal with CA_HELPER_URL=${helper.url}. Tokens:`);
  const { tokens, unreadable } = readDemoTokens(values.folder, values.password);
  for (const token of tokens) console.log(`  ${token.id}: ${token.label}`);
  for (const file of unreadable) console.log(`  skipped ${file.file}: ${file.reason}`);
  process.once('SIGINT', () => void helper.close());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`signing helper: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 2;
  });
}
