import {
  type BrowserSession,
  browserTestTimeout,
  expectAccessible,
  pageErrors,
  screenshot,
  startBrowserSession,
} from '../support/browser';

jest.setTimeout(browserTestTimeout);

describe('the home page in a browser', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession();
  });
  afterAll(() => session?.close());

  it('opens, passes axe, and is kept as a screenshot', async () => {
    const page = await session.newPage('/');
    await page.getByRole('main').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'home');
    expect(pageErrors(page)).toEqual([]);
  });
});
