import { refusalOf } from '../../test/support/refusal';
import { databaseKinds } from '../../test/support/test-database';
import {
  type EngineFixture,
  createEngineFixture,
  enterprise,
  enterpriseContact,
  individual,
  officer,
  otherEnterprise,
  saveSample,
} from '../../test/support/engine-fixture';
import {
  viewApplication,
  listApplications,
  workstationSummary,
  deskQueue,
} from './application-queries';
import { saveDraft } from './save-draft';
import { sendEvent } from './send-event';
import { startApplication } from './start-application';

const matterId = 'commercial-entity-establishment';

describe.each(databaseKinds)('applications on %s', (kind) => {
  let fixture: EngineFixture;
  beforeAll(async () => {
    fixture = await createEngineFixture(kind);
  }, 60_000);
  afterAll(() => fixture.drop());

  const start = () =>
    startApplication(fixture.context, {
      matterId,
      applicant: enterprise,
      contact: enterpriseContact,
    });

  it('starts in draft with a reference number and the START audit row', async () => {
    const application = await start();
    expect(application).toMatchObject({
      status: 'draft',
      category: 'draft',
      version: 1,
      matterVersion: '1.0.0',
    });
    expect(application.reference).toMatch(/^[A-Z]+\d{8}\d{6}$/);
    const view = await viewApplication(fixture.context.database, application.id, enterprise);
    expect(view.history).toEqual([
      expect.objectContaining({ seq: 1, event: 'START', to: 'draft' }),
    ]);
    expect(view.actions.map((a) => a.type).sort()).toEqual(['SUBMIT', 'WITHDRAW']);
  });

  it('refuses an applicant type or login level the matter does not take', async () => {
    const wrongType = startApplication(fixture.context, {
      matterId,
      applicant: individual,
      contact: enterpriseContact,
    });
    expect((await refusalOf(wrongType)).code).toBe('applicant_type_not_allowed');
    const noCertificate = startApplication(fixture.context, {
      matterId: 'annual-report',
      applicant: enterprise,
      contact: enterpriseContact,
    });
    expect((await refusalOf(noCertificate)).code).toBe('certificate_login_required');
  });

  it('saves partial drafts, checking types and formats of what is there', async () => {
    const application = await start();
    const saved = await saveDraft(fixture.context, {
      applicationId: application.id,
      actor: enterprise,
      data: { companyName: '深圳市示例科技有限公司' },
      version: 1,
    });
    expect(saved.version).toBe(2);
    const stale = saveDraft(fixture.context, {
      applicationId: application.id,
      actor: enterprise,
      data: {},
      version: 1,
    });
    expect((await refusalOf(stale)).code).toBe('version_conflict');
    const badType = saveDraft(fixture.context, {
      applicationId: application.id,
      actor: enterprise,
      data: { companyName: 42 },
      version: 2,
    });
    const error = await refusalOf(badType);
    expect(error.code).toBe('data_invalid');
    expect(error.details[0]?.pointer).toBe('/companyName');
  });

  it('refuses an incomplete submit with a pointer per missing field, keeping nothing', async () => {
    const application = await start();
    const error = await refusalOf(
      sendEvent(fixture.context, {
        applicationId: application.id,
        actor: enterprise,
        type: 'SUBMIT',
      }),
    );
    expect(error.code).toBe('form_incomplete');
    expect(error.details.map((d) => d.pointer)).toContain('/companyName');
    const view = await viewApplication(fixture.context.database, application.id, enterprise);
    expect(view).toMatchObject({ status: 'draft', version: 1 });
    expect(view.history).toHaveLength(1);
  });

  it('walks submit, accept, review, correction, resubmit, approve and licence', async () => {
    const database = fixture.context.database;
    const application = await start();
    await saveSample(fixture.context, application.id, matterId);
    const send = (actor: typeof officer, type: string, extra = {}) =>
      sendEvent(fixture.context, { applicationId: application.id, actor, type, ...extra });

    expect((await send(enterprise, 'SUBMIT')).to).toBe('submitted');
    expect((await send(officer, 'ACCEPT')).to).toBe('accepted');
    expect((await send(officer, 'START_REVIEW')).to).toBe('underReview');
    const corrections = [{ pointer: '/registeredCapital', reason: 'incorrect' }];
    const corrected = await send(officer, 'REQUEST_CORRECTION', {
      comment: '请核对注册资本',
      corrections,
    });
    expect(corrected.application).toMatchObject({ category: 'correction' });
    expect(corrected.application.corrections).toMatchObject({
      items: corrections,
      comment: '请核对注册资本',
    });
    const resubmitted = await send(enterprise, 'RESUBMIT');
    expect(resubmitted.application.corrections).toBeNull();
    expect((await send(officer, 'APPROVE')).to).toBe('approved');
    const done = await send(officer, 'ISSUE_LICENCE');
    expect(done.application).toMatchObject({ status: 'licenceIssued', category: 'completed' });

    const view = await viewApplication(database, application.id, enterprise);
    expect(view.history.map((h) => h.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(view.history.map((h) => h.event)).toEqual([
      'START',
      'SUBMIT',
      'ACCEPT',
      'START_REVIEW',
      'REQUEST_CORRECTION',
      'RESUBMIT',
      'APPROVE',
      'ISSUE_LICENCE',
    ]);
    expect(view.history[4]).toMatchObject({
      actorKind: 'officer',
      comment: '请核对注册资本',
      corrections,
    });
    expect(view.actions).toEqual([]);
    const kinds = await database('outbox').where({ application_id: application.id }).pluck('kind');
    expect(kinds.filter((k) => k === 'notify').length).toBeGreaterThanOrEqual(5);
    expect(kinds).toContain('issueDocument');
    const timers = await database('timers')
      .where({ application_id: application.id })
      .pluck('status');
    expect(timers.every((status) => status === 'cancelled' || status === 'fired')).toBe(true);
  });

  it('refuses with distinct codes: event, actor, stale version, comment, not yours', async () => {
    const application = await start();
    const id = application.id;
    const send = (actor: typeof officer, type: string, extra = {}) =>
      refusalOf(sendEvent(fixture.context, { applicationId: id, actor, type, ...extra }));
    expect((await send(officer, 'APPROVE')).code).toBe('event_not_allowed');
    expect((await send(officer, 'SUBMIT')).code).toBe('actor_not_allowed');
    expect((await send(enterprise, 'SUBMIT', { version: 7 })).code).toBe('version_conflict');
    expect((await send(otherEnterprise, 'WITHDRAW')).code).toBe('application_forbidden');
    expect((await send(enterprise, 'WITHDRAW', { applicationId: 'x' })).code).toBe(
      'application_not_found',
    );
    await saveSample(fixture.context, id, matterId);
    await sendEvent(fixture.context, { applicationId: id, actor: enterprise, type: 'SUBMIT' });
    expect((await send(officer, 'REJECT')).code).toBe('comment_required');
    const confined = { ...officer, matters: ['annual-report'] };
    expect((await send(confined, 'ACCEPT')).code).toBe('application_forbidden');
    const view = await viewApplication(fixture.context.database, id, enterprise);
    expect(view.history).toHaveLength(2);
  });

  it('refuses a submit that references files not uploaded to this application', async () => {
    const application = await start();
    const saved = await saveSample(fixture.context, application.id, matterId);
    const data = structuredClone(saved.data) as Record<string, { id: string }[]>;
    const other = await start();
    const foreign = (await saveSample(fixture.context, other.id, matterId)).data as typeof data;
    data.premisesProof = foreign.premisesProof ?? [];
    await saveDraft(fixture.context, {
      applicationId: application.id,
      actor: enterprise,
      data,
      version: 2,
    });
    const error = await refusalOf(
      sendEvent(fixture.context, {
        applicationId: application.id,
        actor: enterprise,
        type: 'SUBMIT',
      }),
    );
    expect(error.code).toBe('attachment_unknown');
    expect(error.details.map((d) => d.pointer)).toEqual(['/premisesProof/0']);
  });

  it('lists the applicant’s own applications by category, counts, and the desk queue', async () => {
    const mine = await listApplications(fixture.context.database, enterprise, {
      category: 'draft',
      pageSize: 2,
    });
    expect(mine.items.length).toBeLessThanOrEqual(2);
    expect(mine.total).toBeGreaterThan(2);
    expect(mine.items.every((a) => a.applicantId === enterprise.id && a.category === 'draft')).toBe(
      true,
    );
    // Every page knows the total, the one past the end too.
    const pages = Math.ceil(mine.total / 2);
    for (const page of [pages, pages + 1]) {
      const more = await listApplications(fixture.context.database, enterprise, {
        category: 'draft',
        pageSize: 2,
        page,
      });
      expect([page, more.total, more.items.length]).toEqual([
        page,
        mine.total,
        page > pages ? 0 : mine.total - (pages - 1) * 2,
      ]);
    }
    const summary = await workstationSummary(fixture.context.database, enterprise);
    expect(Object.keys(summary).sort()).toEqual([
      'completed',
      'correction',
      'draft',
      'processing',
      'rejected',
      'submitted',
      'withdrawn',
    ]);
    expect(summary.completed).toBe(1);
    expect((await workstationSummary(fixture.context.database, otherEnterprise)).draft).toBe(0);
    const queue = await deskQueue(fixture.context.database, officer, { status: 'submitted' });
    expect(queue.items.every((a) => a.status === 'submitted')).toBe(true);
    expect(queue.total).toBeGreaterThan(0);
    const acceptable = await deskQueue(fixture.context.database, officer, { role: 'acceptor' });
    const waiting = acceptable.items.find((a) => a.status === 'submitted');
    expect(waiting).toBeDefined();
    const byReviewer = () => deskQueue(fixture.context.database, officer, { role: 'reviewer' });
    expect((await byReviewer()).items.map((a) => a.id)).not.toContain(waiting?.id);
    const id = waiting?.id ?? '';
    await sendEvent(fixture.context, { applicationId: id, actor: officer, type: 'ACCEPT' });
    const reviewable = await byReviewer();
    expect(reviewable.items.map((a) => a.id)).toContain(id);
    expect(reviewable.items.every((a) => ['underReview', 'accepted'].includes(a.status))).toBe(
      true,
    );
    const nobody = await deskQueue(fixture.context.database, officer, { role: 'nobody' });
    expect(nobody.total).toBe(0);
  });
});
