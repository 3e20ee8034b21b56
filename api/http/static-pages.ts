import { createReadStream, type Stats, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Context, Middleware } from 'koa';
import type { ApiState } from './api-state';

/** Where `npm run build` puts the web pages. */
export const builtPagesFolder = join(__dirname, '..', '..', 'dist', 'renderer');

const mediaTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names every file under `assets/` after its content, so it never changes under a name. */
const hashedAssets = '/assets/';
const foreverCache = 'public, max-age=31536000, immutable';

/**
 * The pages load nothing from elsewhere: scripts, styles and fonts from this origin, pictures
 * from it or as data URIs (the captcha), requests to /api only, and no inline script runs. The
 * form page compiles each matter's schema into a validator (Ajv generates code, so
 * 'unsafe-eval'); the schemas arrive at run time and cannot be compiled at build time. No page
 * may be framed, which keeps the login forms out of a clickjacking frame. The one exception is
 * the local signing helper for USB keys (CA_HELPER_URL): the CA login page may call its loopback
 * origin, and nothing else may.
 */
function pagePolicy(helperOrigin: string | undefined): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    helperOrigin ? `connect-src 'self' ${helperOrigin}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface StaticPagesOptions {
  /** The signing helper's loopback origin the pages may connect to (CA_HELPER_URL). */
  helperOrigin?: string;
}

const buildMissing =
  'The web pages are not built yet: run `npm run build` (or `npm start`, which builds them).\n' +
  '网页尚未构建：请运行 npm run build。\n';

/**
 * Serves the built web pages for GET and HEAD of every path outside `/api`: the file when the
 * folder has it (hashed assets cached for a year, everything else revalidated), otherwise
 * `index.html`, so that a page's own address (`/matters/some-id`) opens the portal and its router
 * picks the view. A path that leaves the folder is never served. When the pages are not built,
 * those paths answer 503 with a one-line hint instead of the page. Anything else falls through,
 * so an unknown `/api/...` route keeps its JSON 404.
 *
 * @example
 * app.use(staticPages(builtPagesFolder, { helperOrigin: 'http://127.0.0.1:17380' }));
 */
export function staticPages(
  folder: string,
  options: StaticPagesOptions = {},
): Middleware<ApiState> {
  const root = resolve(folder);
  const policy = pagePolicy(options.helperOrigin);
  return async (ctx, next) => {
    if (!servesPages(ctx)) return next();
    const file = fileFor(root, ctx.path);
    if (file === null) return answerPlain(ctx, 404, 'Not found\n');
    if (file !== undefined) return sendFile(ctx, file.path, file.stats, policy);

    if (ctx.path.startsWith(hashedAssets)) return answerPlain(ctx, 404, 'Not found\n');
    const index = fileFor(root, '/index.html');
    if (!index) return answerPlain(ctx, 503, buildMissing);
    sendFile(ctx, index.path, index.stats, policy);
  };
}

function servesPages(ctx: Context): boolean {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return false;
  return ctx.path !== '/api' && !ctx.path.startsWith('/api/');
}

/**
 * The file a URL path names inside the folder: undefined when there is none, null when the path
 * cannot name one at all (malformed escapes, a way out of the folder, a NUL byte).
 */
function fileFor(root: string, urlPath: string): { path: string; stats: Stats } | null | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = resolve(root, `.${decoded}`);
  if (path !== root && !path.startsWith(root + sep)) return null;
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats?.isFile() ? { path, stats } : undefined;
}

function sendFile(ctx: Context, path: string, stats: Stats, policy: string): void {
  const hashed = ctx.path.startsWith(hashedAssets);
  ctx.set('Cache-Control', hashed ? foreverCache : 'no-cache');
  ctx.set('X-Content-Type-Options', 'nosniff');
  if (extname(path).toLowerCase() === '.html') setPageHeaders(ctx, policy);
  ctx.lastModified = stats.mtime;
  ctx.etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  ctx.type = mediaTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  // Koa answers HEAD without a body; a stream opened for it would only hold a file open.
  if (ctx.method !== 'HEAD') ctx.body = createReadStream(path);
  ctx.length = stats.size;
}

function setPageHeaders(ctx: Context, policy: string): void {
  ctx.set('Content-Security-Policy', policy);
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Referrer-Policy', 'same-origin');
}

function answerPlain(ctx: Context, status: number, text: string): void {
  ctx.status = status;
  ctx.type = 'text/plain; charset=utf-8';
  ctx.set('Cache-Control', 'no-cache');
  ctx.body = text;
}
