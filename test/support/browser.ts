import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import type { ApiConfig } from '../../api/api-services';
import { routeModules } from '../../api/route-modules';
import { type Portal, startPortal } from '../../api/portal';
import { type Account, type AccountKind, createAccount } from '../../engine/accounts/account';
import type { Database } from '../../engine/database/database';
import { ensureDemoAccounts } from '../../engine/demo/demo-accounts';
import { createLogger } from '../../engine/logger';
import { type TestDatabase, createTestDatabase } from './test-database';

/**
 * Browser tests: the whole portal (API and built pages) on a free port over a fresh PostgreSQL
 * database, driven by Debian's Chromium through playwright-core.
 *
 * @example
 * jest.setTimeout(browserTestTimeout);
 * let session: BrowserSession;
 * beforeAll(async () => (session = await startBrowserSession()));
 * afterAll(() => session.close());
 * it('opens the home page', async () => {
 *   const page = await session.newPage('/');
 *   await page.getByRole('heading', { level: 1 }).waitFor();
 *   await expectAccessible(page);
 *   await screenshot(page, 'home');
 * });
 */

/** Per test: a slow, shared machine starts Chromium and the portal in several seconds. */
export const browserTestTimeout = 180_000;

const repositoryRoot = join(__dirname, '..', '..');
const screenshotsFolder = join(repositoryRoot, 'test-artifacts', 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserPortal {
  /** `http://127.0.0.1:PORT`, the API and the pages. */
  url: string;
  portal: Portal;
  /** The test's own connection to the portal's database (the outbox, accounts). */
  database: Database;
  /** The portal's data folder: material files, mail and SMS written to `outbox/`. */
  dataDir: string;
  stop(): Promise<void>;
}

export interface BrowserPortalOptions {
  /** Settings over the tests' own, e.g. `{ caHelperUrl }` for a signing helper's origin. */
  apiConfig?: Partial<ApiConfig>;
}

/**
 * The portal as `npm start` runs it, but over a fresh PostgreSQL database with the CAPTCHA off
 * (any answer passes; the image still shows), the example matters published, the content pages
 * seeded and the demo accounts created (demo-person, demo-company, demo-officer, demo-admin,
 * password `Demo-pass-2026`). It serves a copy of the built pages taken at start, so a rebuild
 * by someone else during the test changes nothing under it; the pages are built first when
 * `dist/renderer` is missing or older than its sources.
 */
export async function startBrowserPortal(
  options: BrowserPortalOptions = {},
): Promise<BrowserPortal> {
  const pagesDir = snapshotBuiltPages();
  const dataDir = mkdtempSync(join(tmpdir(), 'matterflow-browser-'));
  const test: TestDatabase = await createTestDatabase('postgres');
  let portal: Portal;
  try {
    portal = await startPortal({
      env: { DATABASE_URL: test.url, DATA_DIR: dataDir, PORT: '0' },
      apiConfig: {
        captcha: false,
        secureCookies: false,
        jsonLimit: '1mb',
        pagesDir,
        ...options.apiConfig,
      },
      modules: routeModules,
      logger: createLogger({ level: process.env.LOG_LEVEL ?? 'silent' }),
    });
  } catch (error) {
    await test.drop();
    throw error;
  }
  await ensureDemoAccounts(test.database);
  return {
    url: portal.url,
    portal,
    database: test.database,
    dataDir,
    async stop() {
      await portal.stop();
      await test.drop();
      rmSync(pagesDir, { recursive: true, force: true });
    },
  };
}

/** Chromium with the flags CI uses; Playwright gives each launch a fresh user data folder. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
}

export interface BrowserSession {
  portal: BrowserPortal;
  browser: Browser;
  /** A page in a fresh context (its own cookies), zh-CN, opened at `path` when one is given. */
  newPage(path?: string, options?: { locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** The portal and a browser together, for a test file's beforeAll. */
export async function startBrowserSession(
  options: BrowserPortalOptions = {},
): Promise<BrowserSession> {
  const [portal, browser] = await Promise.all([startBrowserPortal(options), launchBrowser()]);
  const contexts: BrowserContext[] = [];
  return {
    portal,
    browser,
    async newPage(path, options = {}) {
      const context = await browser.newContext({
        baseURL: portal.url,
        locale: options.locale ?? 'zh-CN',
        viewport: { width: 1280, height: 900 },
      });
      contexts.push(context);
      context.setDefaultTimeout(30_000);
      context.setDefaultNavigationTimeout(60_000);
      const page = await context.newPage();
      watchPageErrors(page);
      if (path !== undefined) await page.goto(path);
      return page;
    },
    async close() {
      await Promise.allSettled(contexts.map((context) => context.close()));
      await browser.close();
      await portal.stop();
    },
  };
}

const errorsByPage = new WeakMap<Page, string[]>();

function watchPageErrors(page: Page): void {
  const errors: string[] = [];
  errorsByPage.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  // A resource the page's policy refused is an error of ours, even when nothing throws.
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) errors.push(message.text());
  });
}

/**
 * Uncaught exceptions the page's scripts threw so far, and whatever its Content-Security-Policy
 * refused (a page that works has neither).
 */
export function pageErrors(page: Page): string[] {
  return errorsByPage.get(page) ?? [];
}

/** Saves a full-page PNG as `test-artifacts/screenshots/NAME.png`; answers its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsFolder, { recursive: true });
  const path = join(screenshotsFolder, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * What every page of a walk gets: axe finds no serious or critical violation, the screenshot is
 * kept as `NAME.png`, and the page's scripts threw nothing so far.
 */
export async function recordPage(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  await screenshot(page, name);
  expect(pageErrors(page)).toEqual([]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is now and throws, listing each rule and the elements, when
 * it finds a serious or critical violation. `exclude` takes selectors of parts that are not
 * ours to fix (none so far).
 */
export async function expectAccessible(page: Page, exclude: string[] = []): Promise<void> {
  // Evaluated through the debugging protocol, which the page's CSP (no inline scripts) allows.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const context = excluded.length ? { exclude: excluded.map((s) => [s]) } : document;
    const result = (await axe.run(context, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[];
    };
    return result.violations;
  }, exclude);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length === 0) return;
  throw new Error(
    `accessibility violations on ${page.url()}:\n${blocking.map(describe).join('\n')}`,
  );
}

function describe(violation: AxeViolation): string {
  const targets = violation.nodes.map((node) => `    ${JSON.stringify(node.target)}`);
  return `  ${violation.impact} ${violation.id}: ${violation.help}\n${targets.join('\n')}`;
}

export interface TestAccount {
  username: string;
  password: string;
  account: Account;
}

const testPassword = 'Browser-pass-2026';
let accountsMade = 0;

/** A new account of the kind given, with a unique username and the test password. */
export async function createTestAccount(
  portal: BrowserPortal,
  kind: AccountKind,
  fields: { roles?: string[]; matters?: string[] | null; displayName?: string } = {},
): Promise<TestAccount> {
  accountsMade += 1;
  const username = `${kind}-${process.pid}-${accountsMade}`;
  const account = await createAccount(portal.database, {
    username,
    password: testPassword,
    kind,
    displayName: fields.displayName ?? username,
    phone: '13800138000',
    email: `${username}@example.test`,
    profile: {},
    roles: fields.roles ?? [],
    matters: fields.matters ?? null,
  });
  return { username, password: testPassword, account };
}

/**
 * Logs the page's browser context in through the API (not the login page): the session cookie
 * lands in the context, so the next page load is logged in.
 */
export async function logInThroughApi(page: Page, username: string, password: string) {
  const request = page.context().request;
  const session = await request.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const login = await request.post('/api/auth/login', {
    data: { username, password, captchaId: 'off', captchaAnswer: 'off' },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  if (!login.ok()) throw new Error(`login of ${username} failed: ${await login.text()}`);
}

/**
 * A private copy of the built pages. Builds them first when they are stale, one builder at a
 * time across test processes (a lock folder), so parallel test files do not build twice.
 * `BROWSER_TEST_PAGES=FOLDER` serves a build made elsewhere instead, as it is.
 */
function snapshotBuiltPages(): string {
  const copy = mkdtempSync(join(tmpdir(), 'matterflow-pages-'));
  const given = process.env.BROWSER_TEST_PAGES;
  if (given) {
    cpSync(given, copy, { recursive: true });
    return copy;
  }
  const lock = join(tmpdir(), 'matterflow-pages-build.lock');
  withLock(lock, () => {
    execFileSync(process.execPath, [join(repositoryRoot, 'bin', 'build-pages-if-stale.js')], {
      cwd: repositoryRoot,
      stdio: 'pipe',
    });
  });
  cpSync(join(repositoryRoot, 'dist', 'renderer'), copy, { recursive: true });
  return copy;
}

function withLock(lock: string, work: () => void): void {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
