/**
 * `npm run report:renderer`: what the form page costs a person, measured in Debian's Chromium
 * against the portal on localhost, printed beside the budgets of issue 6:
 * - the JavaScript the form page loads, gzipped (budget 250 KB);
 * - time from navigation until the first field of the form takes input (budget 1 s);
 * - time per keystroke in the 40-field commercial-entity form, from keydown to the next frame
 *   (budget 50 ms).
 * A report, not a timed test: medians of several rounds on a shared machine.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import {
  type BrowserPortal,
  createTestAccount,
  launchBrowser,
  logInThroughApi,
  startBrowserPortal,
} from '../test/support/browser';

const rounds = Number(process.env.REPORT_ROUNDS ?? 7);
const keystrokes = Number(process.env.REPORT_KEYSTROKES ?? 60);
const matterId = 'commercial-entity-establishment';
/** The first field of the form's first step, which the person types into. */
const fieldSelector = 'form input[type="text"]:not([disabled])';

async function main(): Promise<void> {
  const portal = await startBrowserPortal();
  const browser = await launchBrowser();
  try {
    const applicant = await createTestAccount(portal, 'enterprise');
    const context = await browser.newContext({ baseURL: portal.url, locale: 'zh-CN' });
    const page = await context.newPage();
    await logInThroughApi(page, applicant.username, applicant.password);
    const formPath = await startApplication(page);

    const scriptBytes = await formPageScripts(page, formPath);
    const interactive: number[] = [];
    for (let round = 0; round < rounds; round++)
      interactive.push(await timeToInteractive(page, formPath));
    const keys = await keystrokeTimes(page, formPath);

    printReport(portal, scriptBytes, interactive, keys);
  } finally {
    await browser.close();
    await portal.stop();
  }
}

async function startApplication(page: Page): Promise<string> {
  const request = page.context().request;
  const session = (await (await request.get('/api/auth/session')).json()) as { csrfToken: string };
  const started = await request.post('/api/applications', {
    data: { matterId },
    headers: { 'X-CSRF-Token': session.csrfToken },
  });
  if (!started.ok()) throw new Error(`could not start ${matterId}: ${await started.text()}`);
  const { id } = (await started.json()) as { id: string };
  return `/applications/${id}/form`;
}

/** Every script the form page loads (entry and lazy chunks), by URL, gzipped at level 9. */
async function formPageScripts(page: Page, formPath: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const seen: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    seen.push(
      response.body().then((body) => {
        sizes.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
      }),
    );
  });
  await page.goto(formPath, { waitUntil: 'networkidle' });
  await page.waitForSelector(fieldSelector);
  await Promise.all(seen);
  page.removeAllListeners('response');
  return sizes;
}

/** Milliseconds from navigation start until the first field is on screen and enabled. */
async function timeToInteractive(page: Page, formPath: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(formPath, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (selector) => {
      const field = document.querySelector<HTMLInputElement>(selector);
      return field && field.offsetParent !== null ? performance.now() : false;
    },
    fieldSelector,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Types into the first field, one key at a time, and measures in the page each key's time from
 * keydown to the start of the next frame after React has handled the input.
 */
async function keystrokeTimes(page: Page, formPath: string): Promise<number[]> {
  await page.goto(formPath);
  await page.waitForSelector(fieldSelector);
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { keyTimes: number[] }).keyTimes = times;
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => times.push(performance.now() - start));
      },
      true,
    );
  });
  await page.click(fieldSelector);
  const text = '深圳市青禾数字科技有限公司abcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < keystrokes; i++) {
    await page.keyboard.type(text[i % text.length]!);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  return page.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes);
}

function printReport(
  portal: BrowserPortal,
  scripts: Map<string, number>,
  interactive: number[],
  keys: number[],
): void {
  const totalKb = [...scripts.values()].reduce((sum, size) => sum + size, 0) / 1024;
  console.log(`\nform page of ${matterId} on ${portal.url}, Debian Chromium headless`);
  console.log(`${'measure'.padEnd(40)}${'figure'.padStart(14)}${'budget'.padStart(10)}  verdict`);
  row('JavaScript, gzipped (KB)', totalKb, 250);
  row(`time to interactive, median of ${interactive.length} (ms)`, median(interactive), 1000);
  row(`keystroke, median of ${keys.length} (ms)`, median(keys), 50);
  row(`keystroke, p95 (ms)`, percentile(keys, 0.95), 50);
  console.log('\nscripts loaded by the form page (gzipped KB):');
  for (const [path, size] of [...scripts].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${(size / 1024).toFixed(1).padStart(7)}  ${path}`);
  }
  console.log(`\ntime to interactive, each round (ms): ${interactive.map(Math.round).join(' ')}`);
}

function row(name: string, value: number, budget: number): void {
  const verdict = value <= budget ? 'within' : 'OVER';
  console.log(
    `${name.padEnd(40)}${value.toFixed(1).padStart(14)}${String(budget).padStart(10)}  ${verdict}`,
  );
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

main().catch((error: Error) => {
  console.error(`report:renderer failed: ${error.message}`);
  process.exitCode = 1;
});
