import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultMailFrom } from '../../engine/delivery/delivery-config';
import { createDeliveryServices, deliverOutboxRow } from '../../engine/delivery/deliver-outbox-row';
import { ApiClient } from '../../test/support/api-client';
import { type AccountClient, logInAccount } from '../../test/support/api-login';
import { saveSampleOverHttp } from '../../test/support/api-sample';
import { type TestApiServer, startTestApiServer } from '../../test/support/api-server';
import { outboxRowsOf } from '../../test/support/delivery-fixture';
import { applicationRoutes } from './application-routes';
import { attachmentRoutes } from './attachment-routes';
import { deskRoutes } from './desk-routes';
import { documentRoutes } from './document-routes';

const establishment = 'commercial-entity-establishment';
const typesOf = (actions: { type: string }[]) => actions.map((a) => a.type);
const idsOf = (items: { id: string }[]) => items.map((i) => i.id);

describe('the officers’ desk', () => {
  let server: TestApiServer;
  let applicant: AccountClient;
  let officer: AccountClient;
  let narrowOfficer: AccountClient;
  let submittedId: string;
  let draftId: string;
  beforeAll(async () => {
    server = await startTestApiServer([
      applicationRoutes,
      attachmentRoutes,
      deskRoutes,
      documentRoutes,
    ]);
    applicant = await logInAccount(server, {
      kind: 'enterprise',
      displayName: '深圳市青禾数字科技有限公司',
    });
    officer = await logInAccount(server, { kind: 'officer', roles: ['acceptor', 'reviewer'] });
    narrowOfficer = await logInAccount(server, {
      kind: 'officer',
      roles: ['reviewer'],
      matters: ['individual-business-registration'],
    });
    const submitted = await applicant.post('/api/applications', { matterId: establishment });
    submittedId = submitted.body.id;
    const saved = await saveSampleOverHttp(applicant, submittedId, establishment, 1);
    await applicant.post(`/api/applications/${submittedId}/events`, {
      type: 'SUBMIT',
      version: saved.version,
    });
    draftId = (await applicant.post('/api/applications', { matterId: establishment })).body.id;
  }, 60_000);
  afterAll(() => server.close());

  it('queues submitted applications, never drafts, by status, matter, role, category', async () => {
    const queue = await officer.get('/api/desk/applications');
    expect(queue.status).toBe(200);
    expect(idsOf(queue.body.items)).toContain(submittedId);
    expect(idsOf(queue.body.items)).not.toContain(draftId);
    expect(queue.body.items[0]).toMatchObject({
      statusLabel: { 'zh-CN': '已提交', en: 'Submitted' },
      applicant: { name: '深圳市青禾数字科技有限公司' },
    });

    const filters: [string, boolean][] = [
      [`status=submitted&matterId=${establishment}`, true],
      ['role=acceptor', true],
      ['role=reviewer', false],
      ['category=processing', false],
      ['status=underReview', false],
      ['status=&matterId=&role=&category=', true],
    ];
    for (const [query, listed] of filters) {
      const response = await officer.get(`/api/desk/applications?${query}`);
      expect([query, idsOf(response.body.items).includes(submittedId)]).toEqual([query, listed]);
    }
  });

  it('shows an officer the data, the materials and the actions of their roles', async () => {
    const { status, body } = await officer.get(`/api/desk/applications/${submittedId}`);
    expect(status).toBe(200);
    expect(body.data.companyName).toBe('深圳市青禾数字科技有限公司');
    expect(typesOf(body.actions)).toEqual(['ACCEPT', 'REJECT']);
    expect(body.actions[1].payload).toEqual({ comment: 'required' });
    const articles = body.materials.find((m: { id: string }) => m.id === 'articlesOfAssociation');
    expect(articles.files).toEqual([expect.objectContaining({ name: '公司章程.pdf' })]);
    expect(body.history[0]).toHaveProperty('actorId');
  });

  it('keeps officers to their matters and applicants off the desk', async () => {
    const narrow = await narrowOfficer.get('/api/desk/applications');
    expect(idsOf(narrow.body.items)).not.toContain(submittedId);
    const checks = [
      [
        await narrowOfficer.get(`/api/desk/applications?matterId=${establishment}`),
        403,
        'matter_not_covered',
      ],
      [
        await narrowOfficer.get(`/api/desk/applications/${submittedId}`),
        403,
        'application_forbidden',
      ],
      [
        await narrowOfficer.post(`/api/applications/${submittedId}/events`, { type: 'ACCEPT' }),
        403,
        'application_forbidden',
      ],
      [await applicant.get('/api/desk/applications'), 403, 'role_required'],
      [await applicant.get(`/api/desk/applications/${submittedId}`), 403, 'role_required'],
      [await applicant.get('/api/desk/applications?status=1&page=x'), 403, 'role_required'],
      [await officer.post('/api/applications', {}), 403, 'role_required'],
      [
        await applicant.post(`/api/applications/${submittedId}/events`, { type: 'ACCEPT' }),
        403,
        'actor_not_allowed',
      ],
      [await new ApiClient(server.baseUrl).get('/api/desk/applications'), 401, 'not_logged_in'],
    ] as const;
    for (const [response, status, code] of checks) {
      expect([response.status, response.body.error.code]).toEqual([status, code]);
    }
  });

  it('accepts, and the applicant gets the receipt as a document', async () => {
    const accepted = await officer.post(`/api/applications/${submittedId}/events`, {
      type: 'ACCEPT',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', category: 'processing' });
    expect(typesOf(accepted.body.actions)).toEqual(['START_REVIEW']);

    const { database } = server.services.engine;
    const delivery = createDeliveryServices(
      { dataDir: mkdtempSync(join(tmpdir(), 'matterflow-desk-')), mailFrom: defaultMailFrom },
      database,
      server.services.logger,
    );
    for (const row of await outboxRowsOf(database, submittedId, 'issueDocument'))
      await deliverOutboxRow(delivery, row);

    const list = await applicant.get(`/api/applications/${submittedId}/documents`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        name: 'receipt',
        title: { 'zh-CN': '受理通知书', en: 'Notice of acceptance' },
      }),
    ]);
    const path = `/api/applications/${submittedId}/documents/${list.body.items[0].id}`;
    const page = await applicant.get(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(page.text).toContain('受理通知书');
    const download = await applicant.get(`${path}?download=1`);
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; .*filename\*=UTF-8''/,
    );

    const detail = await applicant.get(`/api/applications/${submittedId}`);
    expect(detail.body.documents).toEqual(list.body.items);
    const stranger = await logInAccount(server, { kind: 'enterprise' });
    expect((await stranger.get(`/api/applications/${submittedId}/documents`)).status).toBe(403);
    expect((await stranger.get(path)).status).toBe(403);
    expect((await applicant.get(`/api/applications/${submittedId}/documents/nope`)).status).toBe(
      404,
    );
  });

  it('runs the correction loop: fields named by the officer, fixed and resubmitted', async () => {
    const events = `/api/applications/${submittedId}/events`;
    expect((await officer.post(events, { type: 'START_REVIEW' })).status).toBe(200);
    const noComment = await officer.post(events, { type: 'REQUEST_CORRECTION' });
    expect(noComment.status).toBe(422);
    const requested = await officer.post(events, {
      type: 'REQUEST_CORRECTION',
      comment: '请补充经营范围',
      corrections: [{ pointer: '/businessScope', reason: '经营范围不完整' }],
    });
    expect(requested.status).toBe(200);

    const seen = await applicant.get(`/api/applications/${submittedId}`);
    expect(seen.body).toMatchObject({
      category: 'correction',
      corrections: {
        comment: '请补充经营范围',
        items: [{ pointer: '/businessScope', reason: '经营范围不完整' }],
      },
    });
    expect(typesOf(seen.body.actions)).toEqual(['RESUBMIT', 'WITHDRAW']);
    expect(seen.body.history.at(-1)).not.toHaveProperty('actorId');
    expect(seen.body.history.at(-1)).toMatchObject({
      event: 'REQUEST_CORRECTION',
      eventLabel: { 'zh-CN': '要求补正', en: 'Request correction' },
      actorKind: 'officer',
    });

    const data = { ...seen.body.data, businessScope: `${seen.body.data.businessScope}（补充）` };
    const saved = await applicant.put(`/api/applications/${submittedId}/data`, {
      data,
      version: seen.body.version,
    });
    expect(saved.status).toBe(200);
    const resubmitted = await applicant.post(events, {
      type: 'RESUBMIT',
      version: saved.body.version,
    });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'underReview', corrections: null });
    const queue = await officer.get('/api/desk/applications?status=underReview&role=reviewer');
    expect(idsOf(queue.body.items)).toEqual([submittedId]);
  });
});
