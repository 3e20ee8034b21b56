import { ApiClient } from '../../test/support/api-client';
import { type AccountClient, logInAccount } from '../../test/support/api-login';
import { saveSampleOverHttp } from '../../test/support/api-sample';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { applicationRoutes } from './application-routes';
import { attachmentRoutes } from './attachment-routes';

const establishment = 'commercial-entity-establishment';

describe('the applicant workstation', () => {
  let server: TestApiServer;
  let applicant: AccountClient;
  let other: AccountClient;
  beforeAll(async () => {
    server = await startTestApiServer([applicationRoutes, attachmentRoutes]);
    applicant = await logInAccount(server, {
      kind: 'enterprise',
      displayName: '深圳市示例科技有限公司',
    });
    other = await logInAccount(server, { kind: 'enterprise' });
  }, 60_000);
  afterAll(() => server.close());

  async function start(client: AccountClient = applicant, matterId = establishment) {
    return client.post('/api/applications', { matterId });
  }

  it('starts an application with the actions open in its first status', async () => {
    const { status, body, headers } = await start();
    expect(status).toBe(201);
    expect(headers.get('location')).toBe(`/api/applications/${body.id}`);
    expect(body).toMatchObject({
      reference: expect.stringMatching(/^SSZT/),
      matterId: establishment,
      matterVersion: '1.0.0',
      status: 'draft',
      category: 'draft',
      data: {},
      version: 1,
    });
    expect(body.actions.map((a: { type: string }) => a.type)).toEqual(['SUBMIT', 'WITHDRAW']);
    expect(body.actions[0]).toMatchObject({
      label: { 'zh-CN': '提交申请', en: 'Submit' },
      validateForm: true,
    });
  });

  it('refuses a matter that is not for the applicant type or login level', async () => {
    const person = await logInAccount(server, { kind: 'individual' });
    const wrongType = await start(person);
    expect(wrongType.status).toBe(403);
    expect(wrongType.body.error.code).toBe('applicant_type_not_allowed');

    const needsCertificate = await start(applicant, 'annual-report');
    expect(needsCertificate.status).toBe(403);
    expect(needsCertificate.body.error.code).toBe('certificate_login_required');
    const withCertificate = await logInAccount(server, { kind: 'enterprise' }, 'certificate');
    expect((await start(withCertificate, 'annual-report')).status).toBe(201);

    const unknown = await start(applicant, 'no-such-matter');
    expect(unknown.status).toBe(404);
  });

  it('saves drafts, refusing a stale version and a badly formatted field', async () => {
    const { body: created } = await start();
    const path = `/api/applications/${created.id}/data`;
    const saved = await applicant.put(path, { data: { companyName: '青禾' }, version: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, data: { companyName: '青禾' } });

    const stale = await applicant.put(path, { data: {}, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');

    const badFormat = await applicant.put(path, {
      data: { legalRepresentative: { idNumber: '123' } },
      version: 2,
    });
    expect(badFormat.status).toBe(422);
    expect(badFormat.body.error.code).toBe('data_invalid');
    expect(badFormat.body.error.details[0].pointer).toBe('/legalRepresentative/idNumber');

    const malformed = await applicant.put(path, { data: [], version: 'x', extra: 1 });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.details.map((d: { pointer: string }) => d.pointer).sort()).toEqual([
      '/data',
      '/extra',
      '/version',
    ]);
  });

  it('refuses an incomplete submit with a pointer per field, in the asked language', async () => {
    const { body: created } = await start();
    const path = `/api/applications/${created.id}/events`;
    const chinese = await applicant.post(path, { type: 'SUBMIT' });
    expect(chinese.status).toBe(422);
    expect(chinese.body.error.code).toBe('form_incomplete');
    const companyName = chinese.body.error.details.find(
      (d: { pointer: string }) => d.pointer === '/companyName',
    );
    expect(companyName).toMatchObject({
      code: 'required',
      messages: { 'zh-CN': expect.any(String), en: expect.any(String) },
    });
    expect(companyName.message).toBe(companyName.messages['zh-CN']);

    const english = await applicant.request(
      'POST',
      path,
      { type: 'SUBMIT' },
      { 'accept-language': 'en' },
    );
    const detail = english.body.error.details.find(
      (d: { pointer: string }) => d.pointer === '/companyName',
    );
    expect(detail.message).toBe(detail.messages.en);
    expect(english.body.error.message).toMatch(/^the form has \d+ issues/);
  });

  it('submits a complete application, then lists and counts it', async () => {
    const { body: created } = await start();
    const saved = await saveSampleOverHttp(applicant, created.id, establishment, 1);
    const submitted = await applicant.post(`/api/applications/${created.id}/events`, {
      type: 'SUBMIT',
      version: saved.version,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      category: 'submitted',
      statusLabel: { 'zh-CN': '已提交', en: 'Submitted' },
    });
    expect(submitted.body.actions.map((a: { type: string }) => a.type)).toEqual(['WITHDRAW']);
    expect(submitted.body.history.map((h: { event: string }) => h.event)).toEqual([
      'START',
      'SUBMIT',
    ]);
    expect(submitted.body.attachments.length).toBeGreaterThanOrEqual(6);
    expect(submitted.body).not.toHaveProperty('applicantId');

    const again = await applicant.post(`/api/applications/${created.id}/events`, {
      type: 'SUBMIT',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('event_not_allowed');

    const list = await applicant.get('/api/applications?category=submitted&page=1&pageSize=10');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      id: created.id,
      matterTitle: { 'zh-CN': '商事主体设立登记', en: expect.any(String) },
      statusLabel: { 'zh-CN': '已提交', en: 'Submitted' },
    });
    expect(list.body.items[0]).not.toHaveProperty('data');

    const summary = await applicant.get('/api/workstation/summary');
    expect(summary.body.counts).toMatchObject({ submitted: 1, completed: 0 });
    expect(summary.body.counts.draft).toBeGreaterThan(0);
  });

  it('keeps another person’s application from them', async () => {
    const { body: created } = await start();
    const base = `/api/applications/${created.id}`;
    for (const response of [
      await other.get(base),
      await other.put(`${base}/data`, { data: {}, version: 1 }),
      await other.post(`${base}/events`, { type: 'WITHDRAW' }),
    ]) {
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('application_forbidden');
    }
    const list = await other.get('/api/applications');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    const unknown = await applicant.get('/api/applications/7f25b946-b8b4-41c0-9a4b-b66269b9c284');
    expect(unknown.status).toBe(404);
    expect((await applicant.get('/api/applications/not-an-id')).status).toBe(404);
  });

  it('asks for a CSRF token on changes and a login everywhere', async () => {
    const { body: created } = await start();
    const token = applicant.csrfToken;
    applicant.csrfToken = undefined;
    try {
      const response = await applicant.put(`/api/applications/${created.id}/data`, {
        data: {},
        version: 1,
      });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('csrf_token_invalid');
    } finally {
      applicant.csrfToken = token;
    }
    const anonymous = new ApiClient(server.baseUrl);
    for (const response of [
      await anonymous.get('/api/applications'),
      await anonymous.get('/api/workstation/summary'),
      await anonymous.post('/api/applications', { matterId: establishment }),
      await anonymous.get(`/api/applications/${created.id}`),
      // Who may call comes before what is wrong with the request.
      await anonymous.post('/api/applications', {}),
      await anonymous.get('/api/applications?page=x'),
    ]) {
      expect([response.status, response.body.error.code]).toEqual([401, 'not_logged_in']);
    }
  });

  it('checks list queries', async () => {
    const response = await applicant.get('/api/applications?category=lost&page=x&sort=1');
    expect(response.status).toBe(422);
    expect(response.body.error.details.map((d: { pointer: string }) => d.pointer).sort()).toEqual([
      '/category',
      '/page',
      '/sort',
    ]);
    const unfiltered = await applicant.get('/api/applications');
    const blank = await applicant.get('/api/applications?category=&page=&pageSize=');
    expect(blank.status).toBe(200);
    expect(blank.body).toEqual(unfiltered.body);
  });
});
