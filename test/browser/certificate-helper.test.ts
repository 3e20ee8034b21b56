import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { type SigningHelper, startSigningHelper } from '../../examples/demo-ca/signing-helper';
import {
  type BrowserSession,
  browserTestTimeout,
  recordPage as record,
  startBrowserSession,
} from '../support/browser';

jest.setTimeout(browserTestTimeout);

/** A port nothing listens on yet: the portal names it before the helper starts on it. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function heading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

describe('CA login with a USB key through the signing helper (manual 2.2)', () => {
  let session: BrowserSession;
  let helper: SigningHelper | undefined;
  let helperPort: number;
  let page: Page;
  beforeAll(async () => {
    helperPort = await freePort();
    const caHelperUrl = `http://127.0.0.1:${helperPort}`;
    session = await startBrowserSession({ apiConfig: { caHelperUrl } });
  });
  afterAll(async () => {
    await helper?.close();
    await session?.close();
  });

  it('says when no signing helper answers, with the way to the drivers and to a file', async () => {
    page = await session.newPage('/login?tab=certificate');
    await page.getByRole('radio', { name: 'USB Key（证书助手）', checked: true }).waitFor();
    await page
      .getByRole('status')
      .getByText(/^未检测到证书助手/)
      .waitFor();
    const drivers = page.getByRole('link', { name: '下载证书助手和 USB Key 驱动' });
    expect(await drivers.getAttribute('href')).toBe('/downloads?category=drivers');
    expect(await page.getByRole('button', { name: '登录', exact: true }).count()).toBe(0);
    await record(page, 'login-certificate-helper-missing');

    await page.locator('#ca-way-file').check();
    await page.locator('#ca-file').waitFor();
    await page.locator('#ca-way-helper').check();
  });

  it('lists the helper’s certificates, binds demo-company, lands on the workstation', async () => {
    helper = await startSigningHelper({ port: helperPort, origin: session.portal.url });
    await page.getByRole('button', { name: '重新检测' }).click();
    const list = page.getByRole('group', { name: '选择证书' });
    await list.waitFor();
    await list.getByText('签发者：Demo City CA 2 Issuing CA').waitFor();
    await list.getByRole('radio', { name: /demo-person\.p12/ }).waitFor();
    await list
      .getByRole('radio', { name: /深圳市青禾数字科技有限公司 \(demo-company\.p12\)/ })
      .check();
    await record(page, 'login-certificate-helper');

    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL('**/login/bind?kind=certificate*');
    await heading(page, '绑定账号');
    const named = page.getByRole('definition');
    await named.getByText('深圳市青禾数字科技有限公司 (Demo City CA 2 Issuing CA)').waitFor();
    await page.locator('#bind-username').fill('demo-company');
    await page.locator('#bind-password').fill('Demo-pass-2026');
    await page.getByRole('button', { name: '绑定并登录' }).click();
    await page.waitForURL('**/workstation');
    await heading(page, '我的工作台');
    await record(page, 'workstation-certificate-helper');
  });

  it('asks to pick a certificate before signing, then logs in with no bind step', async () => {
    const other = await session.newPage('/login?tab=certificate');
    await other.getByRole('group', { name: '选择证书' }).waitFor();
    await other.getByRole('button', { name: '登录', exact: true }).click();
    await other.locator('#ca-helper-certificate-error').getByText('请选择证书').waitFor();
    await record(other, 'login-certificate-helper-unchosen');

    // Bound now: the same certificate goes straight in.
    await other.getByRole('radio', { name: /demo-company\.p12/ }).check();
    await other.getByRole('button', { name: '登录', exact: true }).click();
    await other.waitForURL('**/workstation');
  });
});
