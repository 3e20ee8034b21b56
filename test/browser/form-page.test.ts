import { type APIRequestContext, type Page, request } from 'playwright-core';
import { fieldIdOf } from '../../renderer/form/field-pointer';
import {
  type BrowserSession,
  browserTestTimeout,
  createTestAccount,
  logInThroughApi,
  recordPage as record,
  startBrowserSession,
} from '../support/browser';
import {
  apiCall,
  choose,
  establishmentSample as sample,
  field,
  fill,
  fillCapitalStep,
  fillMaterialsStep,
  fillPeopleStep,
  fillShareholdersStep,
  inlineError,
  next,
  stepHeading,
} from '../support/form-page-driver';

jest.setTimeout(browserTestTimeout * 2);

const matterId = 'commercial-entity-establishment';
const matterTitle = '商事主体设立登记';

async function startApplication(page: Page): Promise<string> {
  const created = await apiCall(page.context().request, '/api/applications', { matterId });
  return String(created.id);
}

describe('the form page in a browser', () => {
  let session: BrowserSession;
  let page: Page;
  let applicationId: string;
  let officer: APIRequestContext;

  beforeAll(async () => {
    session = await startBrowserSession();
    const account = await createTestAccount(session.portal, 'enterprise', {
      displayName: '深圳市青禾数字科技有限公司',
    });
    page = await session.newPage();
    await logInThroughApi(page, account.username, account.password);
    applicationId = await startApplication(page);
  }, browserTestTimeout);
  afterAll(async () => {
    await officer?.dispose();
    await session?.close();
  });

  it('asks for missing answers in a summary linking to each field', async () => {
    await page.goto(`/applications/${applicationId}/form`);
    await page.getByRole('heading', { level: 1, name: matterTitle }).waitFor();
    await stepHeading(page, 1);
    await page.getByRole('button', { name: '下一步' }).click();

    const summary = page.locator('.error-summary');
    await summary.getByRole('link', { name: /请填写“企业名称”/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await inlineError(page, '/companyName').getByText('请填写“企业名称”').waitFor();
    const describedBy = await field(page, '/companyName').getAttribute('aria-describedby');
    expect(describedBy).toContain(`${fieldIdOf('/companyName')}__error`);
    await record(page, 'form-error-summary');

    // 企业类型 has a default, so the name is the only problem; its link puts the focus on it.
    await summary.getByRole('link', { name: /请填写“企业名称”/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(fieldIdOf('/companyName'));
  });

  it('fills the first steps, saving the draft as it goes', async () => {
    await fill(page, { '/companyName': sample.companyName, '/industryCode': sample.industryCode });
    await page.getByRole('button', { name: '添加一项' }).click();
    await fill(page, { '/alternateNames/0': sample.alternateNames[0]! });
    await choose(page, '/entityType', '有限责任公司');
    await page.getByText(/草稿已于 \d\d:\d\d 自动保存/).waitFor();
    await record(page, 'form-step-1');

    // A reload shows the saved draft.
    await page.reload();
    await stepHeading(page, 1);
    expect(await field(page, '/companyName').inputValue()).toBe(sample.companyName);
    expect(await page.locator('.error-summary').count()).toBe(0);

    await next(page, 2);
    await fillCapitalStep(page);
    await record(page, 'form-step-2');

    await next(page, 3);
    await fill(page, {
      '/address/province': sample.address.province,
      '/address/city': sample.address.city,
      '/address/district': sample.address.district,
      '/address/detail': sample.address.detail,
      '/address/postalCode': '91805',
      '/premisesArea': sample.premisesArea,
    });
    await page.getByRole('radio', { name: '租赁' }).check();
    await inlineError(page, '/address/postalCode').getByText('邮政编码应为6位数字').waitFor();
    await field(page, '/address/postalCode').fill(sample.address.postalCode);
    await field(page, '/address/postalCode').blur();
    await inlineError(page, '/address/postalCode').waitFor({ state: 'detached' });
    await record(page, 'form-step-3');

    await next(page, 4);
    await fillPeopleStep(page);
    await record(page, 'form-step-4');
  });

  it('checks shareholders’ numbers as they are typed in and moves on once fixed', async () => {
    await next(page, 5);
    const company = sample.shareholders[2]!;
    await fillShareholdersStep(page, '91440300MA5H7K3Q69');
    await inlineError(page, '/shareholders/1/idNumber')
      .getByText('统一社会信用代码校验位不正确')
      .waitFor();

    await page.getByRole('button', { name: '下一步' }).click();
    await page
      .locator('.error-summary')
      .getByRole('link', { name: /股东 2 · 证照号码/ })
      .waitFor();
    await record(page, 'form-step-5-error');
    await field(page, '/shareholders/1/idNumber').fill(company.idNumber);
    await next(page, 6);
    expect(await page.locator('.error-summary').count()).toBe(0);
    await record(page, 'form-step-6');
  });

  it('uploads the materials, refusing a file of the wrong type before sending it', async () => {
    await next(page, 7);
    await field(page, '/articlesOfAssociation').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a pdf'),
    });
    await page
      .getByRole('alert')
      .getByText(/“notes.txt”的文件类型不支持/)
      .waitFor();
    await fillMaterialsStep(page);
    await record(page, 'form-step-7-materials');

    await next(page, 8);
    await page.getByRole('checkbox', { name: /本企业承诺/ }).check();
    await field(page, '/remarks').fill(sample.remarks);
    await record(page, 'form-step-8');
  });

  it('lists every answer by step on the check page, then submits', async () => {
    await next(page, 9);
    const answers = page.locator('.answer-list');
    await answers.getByText(sample.companyName).waitFor();
    await answers.getByText('有限责任公司').waitFor();
    await answers.getByText('股东 2 · 证照号码').waitFor();
    expect(await page.getByRole('button', { name: /^修改：/ }).count()).toBeGreaterThan(40);
    await record(page, 'form-check-answers');

    await page.getByRole('button', { name: '修改：住所 · 邮政编码' }).click();
    await stepHeading(page, 3);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      fieldIdOf('/address/postalCode'),
    );
    await page.getByRole('button', { name: /检查并提交/ }).click();
    await stepHeading(page, 9);

    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    const reference = await page.locator('.confirmation-reference strong').textContent();
    expect(reference).toMatch(/^SSZT/);
    await record(page, 'form-submitted');
    await page.getByRole('link', { name: '返回工作台' }).waitFor();
  });

  it('shows the application detail with its history and materials', async () => {
    await page.getByRole('link', { name: '查看申请详情' }).click();
    await page.getByRole('heading', { level: 2, name: '办理记录' }).waitFor();
    await page.locator('.timeline').getByText('提交申请').waitFor();
    await page.locator('.material-list').getByRole('link', { name: '公司章程.pdf' }).waitFor();
    await page.getByText('已提交').first().waitFor();
    await record(page, 'application-detail-submitted');
  });

  it('shows an officer’s correction request, marks the field and resubmits', async () => {
    officer = await officerSession(session);
    const path = `/api/applications/${applicationId}/events`;
    await apiCall(officer, path, { type: 'ACCEPT' });
    await apiCall(officer, path, { type: 'START_REVIEW' });
    await apiCall(officer, path, {
      type: 'REQUEST_CORRECTION',
      comment: '请核对住所的邮政编码',
      corrections: [{ pointer: '/address/postalCode', reason: '邮政编码与住所不符' }],
    });
    await waitForDocument(page, applicationId);

    await page.goto(`/applications/${applicationId}`);
    const banner = page.locator('.correction-banner');
    await banner.getByText('请核对住所的邮政编码').waitFor();
    await banner.getByText(/住所 · 邮政编码：邮政编码与住所不符/).waitFor();
    await page.getByRole('link', { name: '受理通知书', exact: true }).waitFor();
    await record(page, 'application-detail-correction');

    await page.getByRole('link', { name: '去补正' }).click();
    await stepHeading(page, 3);
    await page.locator('.field-correction').getByText('邮政编码与住所不符').waitFor();
    await record(page, 'form-correction');
    await field(page, '/address/postalCode').fill('518000');
    await page.getByRole('button', { name: /检查并提交/ }).click();
    await stepHeading(page, 9);
    await page.getByRole('button', { name: '提交补正' }).click();
    await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    await page.getByText('审查中').first().waitFor();
  });

  it('withdraws a draft after a confirmation dialog', async () => {
    const draft = await startApplication(page);
    await page.goto(`/applications/${draft}`);
    await page.getByRole('link', { name: '继续填写' }).waitFor();
    await page.getByRole('button', { name: '撤回' }).click();
    const dialog = page.getByRole('dialog', { name: '撤回' });
    await dialog.getByText('确定要“撤回”吗？').waitFor();
    await record(page, 'application-withdraw-dialog');
    await dialog.getByRole('button', { name: '确定撤回' }).click();
    await page.getByText('操作已完成，申请当前状态：已撤回').waitFor();
    expect(await page.getByRole('link', { name: '继续填写' }).count()).toBe(0);

    await page.goto(`/applications/${draft}/form`);
    await page.getByText(/不能修改/).waitFor();
  });
});

async function officerSession(session: BrowserSession): Promise<APIRequestContext> {
  const officer = await createTestAccount(session.portal, 'officer', {
    roles: ['acceptor', 'reviewer'],
  });
  const context = await request.newContext({ baseURL: session.portal.url });
  await apiCall(context, '/api/auth/login', {
    username: officer.username,
    password: officer.password,
    captchaId: 'off',
    captchaAnswer: 'off',
  });
  return context;
}

/** The acceptance receipt is issued after the commit, by the delivery in process. */
async function waitForDocument(page: Page, applicationId: string): Promise<void> {
  const path = `/api/applications/${applicationId}/documents`;
  for (let attempt = 0; attempt < 300; attempt++) {
    const response = await page.context().request.get(path);
    const { items } = (await response.json()) as { items: unknown[] };
    if (items.length > 0) return;
    await page.waitForTimeout(200);
  }
  throw new Error('no document was issued');
}
