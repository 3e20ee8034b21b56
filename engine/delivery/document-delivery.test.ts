import { outboxRowsOf, walkApplication } from '../../test/support/delivery-fixture';
import {
  type EngineFixture,
  createEngineFixture,
  enterpriseContact,
} from '../../test/support/engine-fixture';
import { databaseKinds } from '../../test/support/test-database';
import { EngineError } from '../engine-error';
import { createLogger } from '../logger';
import { defaultMailFrom } from './delivery-config';
import {
  type DeliveryServices,
  createDeliveryServices,
  deliverOutboxRow,
} from './deliver-outbox-row';
import { listDocuments, readDocument } from './document-delivery';
import type { OutboxRow } from './outbox-row';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EngineError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(databaseKinds)('document delivery on %s', (kind) => {
  let fixture: EngineFixture;
  let services: DeliveryServices;
  beforeAll(async () => {
    fixture = await createEngineFixture(kind);
    const config = { dataDir: '/nonexistent', mailFrom: defaultMailFrom };
    services = createDeliveryServices(config, fixture.context.database, createLogger());
  }, 60_000);
  afterAll(() => fixture.drop());

  it('issues the acceptance receipt once, however often its row is delivered', async () => {
    const application = await walkApplication(fixture.context, ['ACCEPT']);
    const [row, ...others] = await outboxRowsOf(
      fixture.context.database,
      application.id,
      'issueDocument',
    );
    expect(others).toEqual([]);
    await Promise.all([
      deliverOutboxRow(services, row as OutboxRow),
      deliverOutboxRow(services, row as OutboxRow),
    ]);
    await deliverOutboxRow(services, row as OutboxRow);

    const documents = await listDocuments(fixture.context.database, application.id);
    expect(documents).toEqual([
      expect.objectContaining({
        applicationId: application.id,
        name: 'receipt',
        title: { 'zh-CN': '受理通知书', en: 'Notice of acceptance' },
        mediaType: 'text/html',
        outboxId: row?.id,
      }),
    ]);
    const document = await readDocument(
      fixture.context.database,
      application.id,
      documents[0]?.id ?? '',
    );
    expect(document.content).toMatch(/^<!doctype html>/);
    expect(document.content).toContain('<h1>受理通知书</h1>');
    expect(document.content).toContain(`业务编号（Reference）：${application.reference}`);
    expect(document.content).toContain('深圳市青禾数字科技有限公司设立登记申请');
    expect(document.content).toContain(`<p>${enterpriseContact.name}：</p>`);
    expect(document.content).toContain('<li>王思远：认缴 150 万元');
  });

  it('puts a page around a template that is not one, and finds only the application’s own', async () => {
    const application = await walkApplication(fixture.context);
    const [notice] = await outboxRowsOf(fixture.context.database, application.id, 'notify');
    const row: OutboxRow = {
      ...(notice as OutboxRow),
      id: 900_000_000 + Math.floor(Math.random() * 1_000_000),
      kind: 'issueDocument',
      payload: {
        ...notice?.payload,
        name: 'submission-notice',
        title: { 'zh-CN': '提交回执', en: 'Receipt' },
      },
    };
    await deliverOutboxRow(services, row);
    const [summary] = await listDocuments(fixture.context.database, application.id);
    const document = await readDocument(
      fixture.context.database,
      application.id,
      summary?.id ?? '',
    );
    expect(document.content).toContain('<title>提交回执 / Receipt</title>');
    expect(document.content).toContain('<div style="white-space: pre-wrap">【商事登记】');

    const other = await walkApplication(fixture.context);
    expect(await listDocuments(fixture.context.database, other.id)).toEqual([]);
    expect(await codeOf(readDocument(fixture.context.database, other.id, summary?.id ?? ''))).toBe(
      'document_not_found',
    );
    expect(await codeOf(readDocument(fixture.context.database, application.id, 'nope'))).toBe(
      'document_not_found',
    );
  });
});
