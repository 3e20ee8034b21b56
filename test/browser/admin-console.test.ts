import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  type BrowserSession,
  browserTestTimeout,
  createTestAccount,
  logInThroughApi,
  recordPage,
  startBrowserSession,
} from '../support/browser';

jest.setTimeout(browserTestTimeout);

const examples = join(__dirname, '..', '..', 'examples');
const brokenBundle = join(examples, 'broken', 'bundle-workflow-unknown-state');
const pilot = { id: 'individual-business-registration-pilot', version: '1.0.0' };
const pilotTitle = '个体工商户设立登记（试点）';

/** Every console page is kept as `admin-NAME.png`. */
const record = (page: Page, name: string) => recordPage(page, `admin-${name}`);

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/**
 * The individual business registration example as the `matter` tool would bundle it, under a
 * matter id of its own so that publishing and retiring it leave the seeded examples alone.
 */
function pilotBundle(): string {
  const folder = join(examples, 'matters', 'individual-business-registration');
  const part = (name: string) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as object;
  const templateNames = readdirSync(join(folder, 'templates')).filter((n) => n.endsWith('.hbs'));
  const templates = Object.fromEntries(
    templateNames.map((name) => [
      name.slice(0, -'.hbs'.length),
      readFileSync(join(folder, 'templates', name), 'utf8'),
    ]),
  );
  const matter = { ...part('matter.json'), ...pilot, title: { 'zh-CN': pilotTitle, en: 'Pilot' } };
  const bundle = {
    format: 'matterflow-bundle/1',
    matter,
    formSchema: part('form.schema.json'),
    formUi: part('form.ui.json'),
    workflow: { ...part('workflow.json'), id: pilot.id },
    templates,
  };
  return JSON.stringify(bundle, null, 2);
}

async function chooseBundle(page: Page, name: string, text: string): Promise<void> {
  await page.goto('/admin/matters/upload');
  await heading(page, '上传事项定义');
  const chooser = page.getByLabel('事项定义文件（.bundle.json）');
  // Focused first, as it is when a person opens the file dialog from it.
  await chooser.focus();
  await chooser.setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await page.getByRole('heading', { level: 2, name: `检查结果：${name}` }).waitFor();
}

/** The ids of the matters the public catalog offers now, each with its current version. */
async function catalogMatters(page: Page): Promise<string[]> {
  const response = await page.context().request.get('/api/categories');
  const { categories } = (await response.json()) as {
    categories: { matters: { id: string; version: string }[] }[];
  };
  return categories.flatMap((c) => c.matters.map((m) => `${m.id}@${m.version}`));
}

async function storedMatterIds(page: Page): Promise<string[]> {
  const response = await page.context().request.get('/api/admin/matters');
  const { items } = (await response.json()) as { items: { matterId: string }[] };
  return items.map((item) => item.matterId);
}

function versionRow(page: Page, matterId: string) {
  return page.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: matterId }) });
}

async function changeVersion(page: Page, change: '发布' | '停用', done: string, tag: string) {
  await page.getByRole('button', { name: `${change} ${pilot.id} 版本 ${pilot.version}` }).click();
  await page.getByRole('status').getByText(`${pilot.id} 版本 ${pilot.version} ${done}`).waitFor();
  await page.locator('.summary-list .status-tag', { hasText: tag }).waitFor();
}

/** Tabs forward from the top of the page until `name` in the console's navigation has focus. */
async function tabToAdminLink(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: '管理控制台' });
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    const focused = await nav
      .getByRole('link', { name, exact: true })
      .evaluate((link) => link === document.activeElement);
    if (focused) return;
  }
  throw new Error(`Tab never reached the admin link ${name}`);
}

describe('the admin console in a browser', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    const admin = await createTestAccount(session.portal, 'admin', { displayName: '系统管理员' });
    page = await session.newPage();
    await logInThroughApi(page, admin.username, admin.password);
  }, browserTestTimeout);
  afterAll(() => session?.close());

  it('lists the example matters as published', async () => {
    await page.goto('/admin');
    await heading(page, '事项与版本');
    for (const matterId of [
      'commercial-entity-establishment',
      'individual-business-registration',
    ]) {
      await versionRow(page, matterId).getByText('已发布').waitFor();
    }
    await page.getByRole('link', { name: '查看 annual-report 1.0.0' }).waitFor();
    await record(page, 'matters');
  });

  it('reaches and operates the console navigation with the keyboard', async () => {
    await page.goto('/admin');
    await heading(page, '事项与版本');
    await tabToAdminLink(page, '发送失败的通知');
    await page.keyboard.press('Enter');
    await heading(page, '发送失败的通知');
    await page.getByText('没有发送失败的通知。').waitFor();
    const current = page.getByRole('navigation', { name: '管理控制台' }).locator('[aria-current]');
    expect(await current.textContent()).toBe('发送失败的通知');
    await record(page, 'outbox');
  });

  it('lists a broken bundle’s lint errors and stores nothing', async () => {
    const name = 'dog-licence.bundle.json';
    await chooseBundle(page, name, readFileSync(join(brokenBundle, name), 'utf8'));
    await page
      .getByRole('alert')
      .getByText(/^发现 \d+ 个错误/)
      .waitFor();
    const findings = page.getByRole('table', { name: /条检查结果/ });
    await findings
      .getByRole('cell', { name: /^转换指向不存在的状态\s*workflow-unknown-state$/ })
      .waitFor();
    await findings.getByText('/workflow/states/submitted/on/REJECT/target').waitFor();
    expect(await page.getByRole('button', { name: '保存为草稿版本' }).count()).toBe(0);
    expect(await storedMatterIds(page)).not.toContain('bundle-workflow-unknown-state');
    await record(page, 'upload-invalid');
  });

  it('previews a valid bundle’s form and status diagram, then stores it as a draft', async () => {
    await chooseBundle(page, `${pilot.id}.bundle.json`, pilotBundle());
    await page
      .getByRole('alert')
      .getByText(/^检查通过：0 个错误/)
      .waitFor();
    // The definition autofocuses its first field; in a read-only preview that would steal the
    // focus from the file chooser, past the findings and the store button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bundle-file');
    await page.getByRole('img', { name: /^状态流程图：\d+ 个状态/ }).waitFor();
    expect(await page.locator('.status-diagram svg').count()).toBe(1);
    const preview = page.locator('.form-preview form');
    await preview.getByLabel(/经营者姓名/).waitFor();
    await record(page, 'upload-valid');

    await page.getByRole('button', { name: '保存为草稿版本' }).click();
    await page.getByText(`已保存 ${pilot.id} 版本 ${pilot.version}（草稿）。`).waitFor();
    expect(await storedMatterIds(page)).toContain(pilot.id);
    await page.getByRole('link', { name: '查看该版本并发布' }).click();
    await heading(page, `${pilot.id} 版本 ${pilot.version}`);
    await page.locator('.summary-list').getByText(pilotTitle).waitFor();
    await page.locator('.summary-list .status-tag', { hasText: '草稿' }).waitFor();
    await page.locator('.form-preview form').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).not.toMatch(/^preview/);
    await record(page, 'version-draft');
  });

  it('publishes the version into the catalog and retires it out again', async () => {
    const listed = `${pilot.id}@${pilot.version}`;
    expect(await catalogMatters(page)).not.toContain(listed);
    await changeVersion(page, '发布', '已发布。', '已发布');
    expect(await catalogMatters(page)).toContain(listed);
    await record(page, 'version-published');

    await changeVersion(page, '停用', '已停用。', '已停用');
    expect(await catalogMatters(page)).not.toContain(listed);
    // A retired version cannot come back, so neither button is offered any more.
    expect(await page.locator('.admin-version-actions button').count()).toBe(0);
    await record(page, 'version-retired');

    await page.goto('/admin');
    await versionRow(page, pilot.id).getByText('已停用').waitFor();
  });

  it('renames a category, and the matter navigation shows the new name', async () => {
    await page.goto('/admin/categories');
    await heading(page, '事项分类');
    const form = page.locator('section.admin-card', {
      has: page.getByRole('heading', { level: 2, name: /entity-registration/ }),
    });
    await form.getByLabel('分类名称（中文）').fill('市场主体登记');
    await form.getByLabel('分类名称（英文）').fill('Market entity registration');
    await form.getByRole('button', { name: '保存分类' }).click();
    await form.getByRole('status').getByText('已保存。').waitFor();
    await record(page, 'categories');

    await page.goto('/matters?category=entity-registration');
    await page.getByRole('heading', { level: 2, name: '市场主体登记' }).waitFor();
    await page.getByRole('link', { name: /市场主体登记/ }).waitFor();
  });

  it('edits the business introduction, shown on /intro', async () => {
    await page.goto('/admin/content/intro');
    await heading(page, '编辑业务介绍');
    await page.getByLabel('页面标题（中文）').fill('网上办事业务介绍');
    const body = page.getByLabel('正文（中文）');
    await body.fill(`${await body.inputValue()}\n\n## 办理时间\n\n工作日 9:00 至 17:00。`);
    await page.getByRole('button', { name: '保存业务介绍' }).click();
    await page.getByRole('status').getByText('已保存。').waitFor();
    await record(page, 'intro-editor');

    await page.goto('/intro');
    await heading(page, '网上办事业务介绍');
    await page.getByRole('heading', { level: 2, name: '办理时间' }).waitFor();
  });

  it('adds a question to the FAQ, shown on /faq', async () => {
    await page.goto('/admin/content/faq');
    await heading(page, '编辑常见问题');
    const number = (await page.locator('.faq-editor > li').count()) + 1;
    await page.getByRole('button', { name: '添加问题' }).click();
    const item = page.getByRole('group', { name: `问题 ${number}`, exact: true });
    await item.getByLabel('问题（中文）').fill('办理进度在哪里查看？');
    await item.getByLabel('问题（英文）').fill('Where do I see my progress?');
    await item.getByLabel('回答（中文）').fill('登录后在“我的工作台”查看每件申请的状态。');
    await item.getByLabel('回答（英文）').fill('Log in and open your workstation.');
    await page.getByRole('button', { name: '保存常见问题' }).click();
    await page.getByRole('status').getByText('已保存。').waitFor();
    await record(page, 'faq-editor');

    await page.goto('/faq');
    await heading(page, '常见问题');
    await page.locator('summary', { hasText: '办理进度在哪里查看？' }).click();
    await page.getByText('登录后在“我的工作台”查看每件申请的状态。').waitFor();
  });

  it('uploads a file to a download category, offered on /downloads', async () => {
    await page.goto('/admin/content/downloads');
    await heading(page, '编辑相关下载');
    await page.getByLabel('所属分类').selectOption({ label: '文档下载' });
    await page.getByLabel('文件标题（中文）').fill('办事指南（简版）');
    await page.getByLabel('文件标题（英文）').fill('Short guide');
    // The label is 文件 and a required star; the star is hidden from screen readers only.
    await page.getByLabel(/^文件\*?$/).setInputFiles({
      name: 'short-guide.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('先注册，再登录，然后选择事项办理。\n'),
    });
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await page.getByRole('status').getByText('文件已上传。').waitFor();
    await page.getByRole('row', { name: /办事指南（简版）/ }).waitFor();
    await record(page, 'downloads-editor');

    await page.goto('/downloads');
    const link = page.getByRole('link', { name: '办事指南（简版）' });
    const response = await page.context().request.get(String(await link.getAttribute('href')));
    expect(await response.text()).toBe('先注册，再登录，然后选择事项办理。\n');
  });
});
