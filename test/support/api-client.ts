/**
 * A small HTTP client for API tests: keeps the session cookie like a browser, and sends the CSRF
 * token once it has one.
 */
export class ApiClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const init: RequestInit = { method, headers: { ...this.headers(method), ...headers } };
    if (body !== undefined) {
      init.body =
        typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body);
      if (!(body instanceof FormData) && !headers['content-type']) {
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
    }
    const response = await fetch(this.baseUrl + path, init);
    this.keepCookie(response);
    const text = await response.text();
    const json =
      text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    return { status: response.status, body: json, text, headers: response.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  put = (path: string, body?: unknown) => this.request('PUT', path, body ?? {});

  /** Fetches the session's CSRF token, as the web front end does before its first change. */
  async refreshSession() {
    const response = await this.get('/api/auth/session');
    this.csrfToken = response.body?.csrfToken ?? undefined;
    return response;
  }

  private headers(method: string): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    return headers;
  }

  private keepCookie(response: Response): void {
    const set = response.headers.getSetCookie().find((c) => c.startsWith('sid='));
    if (!set) return;
    const value = set.split(';')[0] ?? '';
    this.cookie = value === 'sid=' ? undefined : value;
  }
}
