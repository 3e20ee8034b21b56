import type { Page } from 'playwright-core';
import {
  type BrowserSession,
  type TestAccount,
  browserTestTimeout,
  createTestAccount,
  logInThroughApi,
  recordPage,
  startBrowserSession,
} from '../support/browser';

jest.setTimeout(browserTestTimeout);

const newPassword = 'Changed-pass-2027';

async function openAccountPage(page: Page, account: TestAccount): Promise<void> {
  await logInThroughApi(page, account.username, account.password);
  await page.goto('/account');
  await page.getByRole('heading', { level: 1, name: '账户设置' }).waitFor();
}

async function fillPasswordForm(page: Page, current: string, next: string): Promise<void> {
  await page.locator('#password-change-currentPassword').fill(current);
  await page.locator('#password-change-newPassword').fill(next);
  await page.locator('#password-change-newPasswordAgain').fill(next);
  await page.getByRole('button', { name: '修改密码' }).click();
}

describe('the account settings page in a browser', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession();
  });
  afterAll(() => session?.close());

  it('changes the password, which then logs in while the old one does not', async () => {
    const account = await createTestAccount(session.portal, 'individual');
    const page = await session.newPage();
    await openAccountPage(page, account);

    await fillPasswordForm(page, 'Not-the-pass-1', newPassword);
    const form = page.getByRole('form', { name: '修改密码' });
    await form.locator('.field-error', { hasText: '当前密码错误' }).waitFor();
    await recordPage(page, 'account-password-refused');

    await fillPasswordForm(page, account.password, newPassword);
    await page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
    await recordPage(page, 'account-password-changed');

    await page.getByRole('button', { name: '退出', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/login');
    await page.locator('#login-username').fill(account.username);
    await page.locator('#login-password').fill(newPassword);
    await page.locator('#login-captcha').fill('abcd');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL('**/workstation');
  });

  it('changes the phone and e-mail in English, each bad one shown at its field', async () => {
    const account = await createTestAccount(session.portal, 'enterprise');
    const page = await session.newPage();
    await openAccountPage(page, account);
    await page.getByRole('button', { name: 'English' }).click();
    const form = page.getByRole('form', { name: 'Change contact details' });
    await form.waitFor();

    await form.locator('#contacts-change-phone').fill('1380013800');
    await form.locator('#contacts-change-email').fill('not-an-address');
    await form.locator('#contacts-change-currentPassword').fill(account.password);
    await form.getByRole('button', { name: 'Save contact details' }).click();
    await form.locator('#contacts-change-phone-error').waitFor();
    await form.locator('#contacts-change-email-error').waitFor();
    await recordPage(page, 'account-contacts-refused-en');

    await form.locator('#contacts-change-phone').fill('13912345678');
    await form.locator('#contacts-change-email').fill('new-address@example.test');
    await form.locator('#contacts-change-currentPassword').fill(account.password);
    await form.getByRole('button', { name: 'Save contact details' }).click();
    await page.getByRole('status').filter({ hasText: 'contact details are updated' }).waitFor();
    await page.locator('dd', { hasText: '13912345678' }).waitFor();
  });
});
