import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  type BrowserSession,
  type TestAccount,
  browserTestTimeout,
  createTestAccount,
  recordPage,
  startBrowserSession,
} from '../support/browser';
import {
  establishmentSample as sample,
  field,
  fillEstablishmentForm,
  next,
  stepHeading,
} from '../support/form-page-driver';

jest.setTimeout(browserTestTimeout * 2);

/**
 * The applicant manual end to end, in one browser, each person through the pages only: an
 * enterprise registers and logs in, handles 商事主体设立登记 (meeting a validation error on the
 * way), sees it on the workstation; an officer at the desk accepts it and asks for a correction;
 * the applicant corrects and resubmits; the officer approves and issues the licence; the
 * applicant downloads it.
 */
describe('the manual, walked end to end in a browser', () => {
  const enterprise = {
    username: `walk${process.pid}`,
    password: 'Walk-pass-2026',
    name: '深圳市青禾数字科技有限公司',
  };
  let session: BrowserSession;
  let applicant: Page;
  let officer: Page;
  let officerAccount: TestAccount;
  let reference: string;

  beforeAll(async () => {
    session = await startBrowserSession();
    officerAccount = await createTestAccount(session.portal, 'officer', {
      roles: ['acceptor', 'reviewer'],
      displayName: '窗口受理员',
    });
  });
  afterAll(() => session?.close());

  it('registers an enterprise and logs in with the captcha', async () => {
    applicant = await session.newPage('/register');
    await registerEnterprise(applicant, enterprise);
    await logIn(applicant, enterprise.username, enterprise.password);
    await applicant.waitForURL('**/workstation');
    await applicant.getByRole('link', { name: enterprise.name }).waitFor();
  });

  it('handles the matter from 我要办理, meets a validation error, fixes it and submits', async () => {
    await applicant.getByRole('navigation', { name: '主导航' }).getByText('我要办理').click();
    await applicant.getByRole('link', { name: /主体登记/ }).click();
    await applicant.getByRole('link', { name: '办理：商事主体设立登记' }).click();
    await applicant.getByRole('button', { name: '办理', exact: true }).click();
    await applicant.waitForURL(/\/applications\/[0-9a-f-]{36}\/form$/);

    await stepHeading(applicant, 1);
    await applicant.getByRole('button', { name: '下一步' }).click();
    const summary = applicant.locator('.error-summary');
    await summary.getByRole('link', { name: /请填写“企业名称”/ }).click();
    await recordPage(applicant, 'walk-validation-error');

    await fillEstablishmentForm(applicant);
    await next(applicant, 9);
    await applicant.getByRole('button', { name: '提交申请' }).click();
    await applicant.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    reference = (await applicant.locator('.confirmation-reference strong').textContent()) ?? '';
    expect(reference).toMatch(/^SSZT\d{14}$/);
  });

  it('lists the application on the workstation under its status', async () => {
    await applicant.getByRole('link', { name: '返回工作台' }).click();
    await applicant.getByRole('link', { name: /已提交/ }).click();
    await applicant.getByRole('row', { name: new RegExp(`${reference}.*已提交`) }).waitFor();
    await recordPage(applicant, 'walk-workstation-submitted');
  });

  it('lets the officer accept it at the desk and ask for a correction', async () => {
    officer = await session.newPage();
    await logIn(officer, officerAccount.username, officerAccount.password);
    await officer.waitForURL('**/desk');
    await officer.getByRole('heading', { level: 1, name: '待办申请' }).waitFor();
    await recordPage(officer, 'desk-queue');
    await officer.getByRole('link', { name: reference }).click();
    await officer.getByRole('heading', { level: 2, name: '申请信息' }).waitFor();
    await officer.getByText(sample.companyName).first().waitFor();
    await recordPage(officer, 'desk-application-submitted');

    await takeAction(officer, '受理');
    await officer.getByRole('link', { name: '受理通知书', exact: true }).waitFor();
    await takeAction(officer, '开始审查');
    await requestCorrection(officer);
  });

  it('lets the applicant correct the postal code and resubmit', async () => {
    await applicant.goto('/workstation?category=correction');
    await applicant
      .getByRole('row', { name: new RegExp(reference) })
      .getByRole('link')
      .first()
      .click();
    const banner = applicant.locator('.correction-banner');
    await banner.getByText('请核对住所的邮政编码').waitFor();
    await applicant.getByRole('link', { name: '去补正' }).click();
    await stepHeading(applicant, 3);
    await field(applicant, '/address/postalCode').fill('518048');
    await applicant.getByRole('button', { name: /检查并提交/ }).click();
    await stepHeading(applicant, 9);
    await applicant.getByRole('button', { name: '提交补正' }).click();
    await applicant.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
  });

  it('lets the officer approve it and issue the licence', async () => {
    await officer.goto('/desk?status=underReview');
    await officer.getByRole('link', { name: reference }).click();
    await officer.getByText('518048').waitFor();
    await approve(officer);
    await takeAction(officer, '发放营业执照');
    await officer.getByText('已发照').first().waitFor();
    await officer.getByRole('link', { name: '营业执照', exact: true }).waitFor();
    await recordPage(officer, 'desk-application-licensed');
  });

  it('lets the applicant download the licence', async () => {
    await applicant.goto('/workstation?category=completed');
    await applicant
      .getByRole('row', { name: new RegExp(reference) })
      .getByRole('link')
      .first()
      .click();
    await applicant.getByText('已发照').first().waitFor();
    await recordPage(applicant, 'walk-application-licensed');

    const [download] = await Promise.all([
      applicant.waitForEvent('download'),
      applicant.getByRole('link', { name: '下载 营业执照' }).click(),
    ]);
    const licence = readFileSync(await download.path(), 'utf8');
    expect(licence).toContain(sample.companyName);
    expect(licence).toContain(reference);
  });
});

async function registerEnterprise(
  page: Page,
  account: { username: string; password: string; name: string },
): Promise<void> {
  await page.getByLabel('企业单位用户注册').check();
  const values: Record<string, string> = {
    'register-username': account.username,
    'register-password': account.password,
    'register-passwordAgain': account.password,
    'register-profile-enterpriseName': account.name,
    'register-profile-creditCode': '91440300MA5G2R8W81',
    'register-profile-legalRepresentative': '林晓峰',
    'register-profile-contactName': '王思远',
    'register-phone': '13800138000',
    'register-email': `${account.username}@example.test`,
  };
  for (const [id, value] of Object.entries(values)) await page.locator(`#${id}`).fill(value);
  await page.locator('#register-captcha').fill('abcd');
  await page.getByRole('button', { name: '立即注册' }).click();
  await page.getByRole('heading', { level: 1, name: '注册成功' }).waitFor();
}

/** The login page's 普通登录; with the captcha off any answer passes. */
async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('#login-captcha').fill('abcd');
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** An action without a dialog, and the notice that it was taken. */
async function takeAction(page: Page, label: string): Promise<void> {
  await page
    .getByRole('region', { name: '办理操作' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await page.getByText(`已完成操作：${label}。`).waitFor();
}

/** 要求补正: the dialog refuses an empty request, then takes a comment and one field. */
async function requestCorrection(page: Page): Promise<void> {
  await page.getByRole('button', { name: '要求补正' }).click();
  const dialog = page.getByRole('dialog', { name: '要求补正' });
  await dialog.getByRole('button', { name: '确认要求补正' }).click();
  await dialog.getByRole('link', { name: '请填写意见' }).waitFor();
  await recordPage(page, 'desk-correction-dialog-errors');

  await dialog.getByLabel('意见').fill('请核对住所的邮政编码');
  await dialog.getByRole('checkbox', { name: /邮政编码/ }).check();
  await dialog.getByLabel(/补正原因：.*邮政编码/).fill('邮政编码与住所不符');
  await recordPage(page, 'desk-correction-dialog');
  await dialog.getByRole('button', { name: '确认要求补正' }).click();
  await page.getByText('已完成操作：要求补正。').waitFor();
  await page.getByText('补正中').first().waitFor();
}

async function approve(page: Page): Promise<void> {
  await page.getByRole('button', { name: '核准' }).click();
  const dialog = page.getByRole('dialog', { name: '核准' });
  await dialog.getByLabel('意见').fill('材料齐全，准予设立登记');
  await dialog.getByRole('button', { name: '确认核准' }).click();
  await page.getByText('已完成操作：核准。').waitFor();
}
