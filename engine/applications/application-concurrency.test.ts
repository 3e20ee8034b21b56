import {
  createEngineFixture,
  enterprise,
  enterpriseContact,
  officer,
  saveSample,
} from '../../test/support/engine-fixture';
import type { EngineFixture } from '../../test/support/engine-fixture';
import { EngineError } from '../engine-error';
import { readHistory } from './audit-trail';
import { saveDraft } from './save-draft';
import { sendEvent } from './send-event';
import { startApplication } from './start-application';

const matterId = 'commercial-entity-establishment';

/** Runs every promise to the end and sorts outcomes into taken events and refusal codes. */
async function settle(attempts: Promise<unknown>[]) {
  const outcomes = await Promise.allSettled(attempts);
  const taken = outcomes.filter((o) => o.status === 'fulfilled').length;
  const codes = outcomes.flatMap((o) => {
    if (o.status === 'fulfilled') return [];
    if (o.reason instanceof EngineError) return [o.reason.code];
    throw o.reason;
  });
  return { taken, codes };
}

describe('concurrent events on one application (PostgreSQL, separate connections)', () => {
  let fixture: EngineFixture;
  beforeAll(async () => {
    fixture = await createEngineFixture('postgres');
  }, 60_000);
  afterAll(() => fixture.drop());

  async function submitted() {
    const application = await startApplication(fixture.context, {
      matterId,
      applicant: enterprise,
      contact: enterpriseContact,
    });
    await saveSample(fixture.context, application.id, matterId);
    await sendEvent(fixture.context, {
      applicationId: application.id,
      actor: enterprise,
      type: 'SUBMIT',
    });
    return application.id;
  }

  it('takes exactly one of 100 events sent against the same version', async () => {
    const applicationId = await submitted();
    const attempts = Array.from({ length: 100 }, (_, i) =>
      sendEvent(fixture.context, {
        applicationId,
        actor: i % 2 === 0 ? officer : enterprise,
        type: i % 2 === 0 ? 'ACCEPT' : 'WITHDRAW',
        version: 3,
      }),
    );
    const { taken, codes } = await settle(attempts);
    expect(taken).toBe(1);
    expect(new Set(codes)).toEqual(new Set(['version_conflict']));
    const history = await readHistory(fixture.context.database, applicationId);
    expect(history.map((h) => h.seq)).toEqual([1, 2, 3]);
  }, 60_000);

  it('serializes 100 events with no version: only allowed ones commit, gapless trail', async () => {
    const applicationId = await submitted();
    const types = ['ACCEPT', 'START_REVIEW', 'APPROVE', 'ISSUE_LICENCE', 'REJECT'];
    const attempts = Array.from({ length: 100 }, (_, i) =>
      sendEvent(fixture.context, {
        applicationId,
        actor: officer,
        type: types[i % types.length] ?? 'ACCEPT',
        comment: 'x',
      }),
    );
    const { taken, codes } = await settle(attempts);
    expect(new Set(codes)).toEqual(new Set(['event_not_allowed']));

    const history = await readHistory(fixture.context.database, applicationId);
    expect(history).toHaveLength(2 + taken);
    expect(history.map((h) => h.seq)).toEqual(history.map((_, i) => i + 1));
    for (let i = 1; i < history.length; i++) {
      expect(history[i]?.from).toBe(history[i - 1]?.to);
    }
    const row = await fixture.context.database('applications').where({ id: applicationId }).first();
    expect(row.status).toBe(history.at(-1)?.to);
    expect(Number(row.version)).toBe(2 + taken + 1);
    expect(['rejected', 'licenceIssued']).toContain(row.status);
  }, 60_000);

  it('takes exactly one of 50 draft saves and a submit racing on the same version', async () => {
    const draft = await startApplication(fixture.context, {
      matterId,
      applicant: enterprise,
      contact: enterpriseContact,
    });
    const { version, data } = await saveSample(fixture.context, draft.id, matterId);
    const saves = Array.from({ length: 50 }, (_, i) =>
      saveDraft(fixture.context, {
        applicationId: draft.id,
        actor: enterprise,
        data: { ...(data as object), companyName: `深圳市青禾数字科技有限公司${i}` },
        version,
      }),
    );
    const submit = sendEvent(fixture.context, {
      applicationId: draft.id,
      actor: enterprise,
      type: 'SUBMIT',
      version,
    });
    const { taken, codes } = await settle([...saves, submit]);
    expect(taken).toBe(1);
    expect(new Set(codes)).toEqual(new Set(['version_conflict']));
    const row = await fixture.context.database('applications').where({ id: draft.id }).first();
    expect(Number(row.version)).toBe(version + 1);
  }, 60_000);
});
