import { join } from 'node:path';
import type { MatterBundle } from '../../definitions/matter-definition';
import { readDefinitionSource } from '../../definitions/source/definition-source';
import { loadDefinition } from '../../definitions/source/loaded-definition';
import {
  type EngineFixture,
  createEngineFixture,
  enterprise,
  enterpriseContact,
  examplesFolder,
  officer,
  saveSample,
} from '../../test/support/engine-fixture';
import { databaseKinds } from '../../test/support/test-database';
import { addMatterVersion } from '../registry/matter-registry';
import { sendEvent } from './send-event';
import { startApplication } from './start-application';

const day = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-03-02T01:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * day);

/** The establishment matter under another id, its review deadline set to `onCorrection`. */
async function publishVariant(fixture: EngineFixture, onCorrection: string): Promise<string> {
  const folder = loadDefinition(
    readDefinitionSource(join(examplesFolder, 'commercial-entity-establishment')),
  );
  const bundle = {
    format: 'matterflow-bundle/1',
    ...Object.fromEntries(
      Object.entries(folder.parts).map(([n, p]) => [n, structuredClone(p?.value)]),
    ),
    templates: Object.fromEntries(folder.templates.map((t) => [t.name, t.source])),
  } as MatterBundle;
  const id = `deadline-${onCorrection}`;
  bundle.matter.id = id;
  bundle.workflow.id = id;
  const text = JSON.stringify(bundle).replace(
    /"onCorrection":"pause"/g,
    `"onCorrection":"${onCorrection}"`,
  );
  const loaded = loadDefinition({
    kind: 'bundle',
    origin: `${id}.bundle.json`,
    text: { ok: true, text },
  });
  await addMatterVersion(fixture.context.database, loaded, { publish: true });
  return id;
}

/** Walks to a correction on day 5 and a resubmission on day 20; returns the deadline row. */
async function correctAndResume(fixture: EngineFixture, matterId: string) {
  const { context } = fixture;
  fixture.setNow(t0);
  const application = await startApplication(context, {
    matterId,
    applicant: enterprise,
    contact: enterpriseContact,
  });
  const applicationId = application.id;
  await saveSample(context, applicationId, 'commercial-entity-establishment');
  await sendEvent(context, { applicationId, actor: enterprise, type: 'SUBMIT' });
  await sendEvent(context, { applicationId, actor: officer, type: 'ACCEPT' });
  await sendEvent(context, { applicationId, actor: officer, type: 'START_REVIEW' });
  const deadline = () =>
    context.database('timers').where({ application_id: applicationId, kind: 'deadline' }).first();
  const set = await deadline();
  fixture.setNow(at(5));
  await sendEvent(context, {
    applicationId,
    actor: officer,
    type: 'REQUEST_CORRECTION',
    comment: '请补充',
    corrections: [{ pointer: '/businessScope', reason: 'incomplete' }],
  });
  const during = await deadline();
  fixture.setNow(at(20));
  await sendEvent(context, { applicationId, actor: enterprise, type: 'RESUBMIT' });
  const after = await deadline();
  return { set, during, after };
}

describe.each(databaseKinds)('deadlines during a correction on %s', (kind) => {
  let fixture: EngineFixture;
  beforeAll(async () => {
    fixture = await createEngineFixture(kind);
  }, 60_000);
  afterAll(() => fixture.drop());

  it('pauses with what remained and goes on after the resubmission', async () => {
    const { set, during, after } = await correctAndResume(
      fixture,
      'commercial-entity-establishment',
    );
    expect(set).toMatchObject({ key: 'statutoryReview', status: 'pending' });
    expect(new Date(set.due_at)).toEqual(at(15));
    expect(during).toMatchObject({ status: 'paused', due_at: null });
    expect(Number(during.remaining_ms)).toBe(10 * day);
    expect(after).toMatchObject({ status: 'pending', remaining_ms: null });
    expect(new Date(after.due_at)).toEqual(at(30));
  });

  it('restarts from the full duration when the definition says restart', async () => {
    const matterId = await publishVariant(fixture, 'restart');
    const { during, after } = await correctAndResume(fixture, matterId);
    expect(Number(during.remaining_ms)).toBe(15 * day);
    expect(new Date(after.due_at)).toEqual(at(35));
  });

  it('keeps running through the correction when the definition says continue', async () => {
    const matterId = await publishVariant(fixture, 'continue');
    const { during, after } = await correctAndResume(fixture, matterId);
    expect(during.status).toBe('pending');
    expect(new Date(during.due_at)).toEqual(at(15));
    expect(new Date(after.due_at)).toEqual(at(15));
  });
});
