import type { DemoIdentity } from '../../api/sso/demo-identities';
import { TestBrowser, type Visit } from './sso-test-portal';

/**
 * A person's way through unified identity login on the portal at `origin`: start, the demo
 * provider's login and consent pages, up to the provider's redirect back to the portal.
 */
export class DemoProviderWalk {
  constructor(private readonly origin: string) {}

  /** `GET /api/auth/sso/start`: the provider's authorization URL it redirects to. */
  async start(browser: TestBrowser, query = ''): Promise<string> {
    const visit = await browser.visit(`${this.origin}/api/auth/sso/start${query}`);
    expect(visit.status).toBe(302);
    return String(visit.location);
  }

  /**
   * Walks the demo provider as a person would (login form, consent; or cancel) until it sends
   * the browser back to the portal; answers that callback URL without visiting it.
   */
  async throughProvider(
    browser: TestBrowser,
    authorizationUrl: string,
    person: DemoIdentity,
    choice: 'allow' | 'cancel' = 'allow',
  ): Promise<string> {
    const callback = `${this.origin}/api/auth/sso/callback`;
    let visit = await browser.visit(authorizationUrl);
    for (let step = 0; step < 12; step++) {
      if (visit.location?.startsWith(callback)) return visit.location;
      if (visit.location) visit = await browser.visit(visit.location);
      else visit = await this.answerPage(browser, visit, person, choice);
    }
    throw new Error('the provider never sent the browser back');
  }

  /** A whole walk up to the callback URL, in a fresh browser unless one is given. */
  async callbackFor(person: DemoIdentity, browser = new TestBrowser(), query = '') {
    const authorizationUrl = await this.start(browser, query);
    const callback = await this.throughProvider(browser, authorizationUrl, person);
    return { browser, callback };
  }

  private async answerPage(
    browser: TestBrowser,
    page: Visit,
    person: DemoIdentity,
    choice: 'allow' | 'cancel',
  ): Promise<Visit> {
    expect(page.status).toBe(200);
    const actions = [...page.body.matchAll(/action="([^"]+)"/g)].map(
      (match) => new URL(String(match[1]).replace(/&amp;/g, '&'), this.origin).href,
    );
    const action = (step: string) => actions.find((candidate) => candidate.endsWith(step));
    const login = action('/login');
    const confirm = action('/confirm');
    if (choice === 'cancel') return browser.visit(String(action('/abort')), { form: {} });
    if (login) {
      const form = { username: person.username, password: person.password };
      return browser.visit(login, { form });
    }
    if (confirm) return browser.visit(confirm, { form: {} });
    throw new Error(`unexpected provider page: ${page.body.slice(0, 300)}`);
  }
}
