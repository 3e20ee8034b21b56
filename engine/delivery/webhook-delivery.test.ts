import { refusalOf } from '../../test/support/refusal';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import {
  type TestHttpServer,
  establishment,
  outboxRowsOf,
  startTestHttpServer,
  walkApplication,
} from '../../test/support/delivery-fixture';
import {
  type EngineFixture,
  createEngineFixture,
  examplesFolder,
} from '../../test/support/engine-fixture';
import { readDefinitionSource } from '../../definitions/source/definition-source';
import { loadDefinition } from '../../definitions/source/loaded-definition';
import { createLogger } from '../logger';
import { addMatterVersion } from '../registry/matter-registry';
import { defaultMailFrom } from './delivery-config';
import {
  type DeliveryServices,
  createDeliveryServices,
  deliverOutboxRow,
} from './deliver-outbox-row';
import type { OutboxRow } from './outbox-row';

const secretEnv = 'MATTERFLOW_TEST_WEBHOOK_SECRET';
const secret = 'a shared secret 共享密钥';

/** What a receiver does: recompute the HMAC of the raw body and compare in constant time. */
function signatureIsValid(body: string, header: string | string[] | undefined): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(String(header));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The establishment matter again as 1.1.0, now naming a webhook endpoint. */
async function publishWithWebhook(fixture: EngineFixture, url: string): Promise<void> {
  const loaded = loadDefinition(readDefinitionSource(join(examplesFolder, establishment)));
  const matter = loaded.parts.matter;
  if (!matter) throw new Error('the example has no matter.json');
  matter.value = { ...(matter.value as object), version: '1.1.0', webhooks: [{ url, secretEnv }] };
  await addMatterVersion(fixture.context.database, loaded, { publish: true });
}

describe('webhook delivery', () => {
  let fixture: EngineFixture;
  let http: TestHttpServer;
  let services: DeliveryServices;
  let rows: OutboxRow[];

  beforeAll(async () => {
    [fixture, http] = await Promise.all([createEngineFixture('postgres'), startTestHttpServer()]);
    await publishWithWebhook(fixture, `${http.url}/hooks/matterflow`);
    const config = { dataDir: '/nonexistent', mailFrom: defaultMailFrom };
    services = createDeliveryServices(config, fixture.context.database, createLogger(), {
      httpTimeoutMs: 300,
    });
    const application = await walkApplication(fixture.context);
    rows = await outboxRowsOf(fixture.context.database, application.id, 'webhook');
    process.env[secretEnv] = secret;
  }, 60_000);
  afterAll(async () => {
    delete process.env[secretEnv];
    await Promise.all([fixture.drop(), http.close()]);
  });

  it('posts each state change signed with HMAC-SHA256 of the exact body', async () => {
    expect(rows.map((row) => (row.payload.body as { event: string }).event)).toEqual([
      'START',
      'SUBMIT',
    ]);
    for (const row of rows) await deliverOutboxRow(services, row);

    expect(http.received).toHaveLength(2);
    const [, submitted] = http.received;
    expect(submitted?.path).toBe('/hooks/matterflow');
    expect(submitted?.headers['content-type']).toBe('application/json');
    expect(submitted?.headers['x-matterflow-delivery']).toBe(String(rows[1]?.id));
    expect(Date.parse(String(submitted?.headers['x-matterflow-timestamp']))).not.toBeNaN();
    expect(
      signatureIsValid(submitted?.body ?? '', submitted?.headers['x-matterflow-signature']),
    ).toBe(true);
    expect(
      signatureIsValid(`${submitted?.body} `, submitted?.headers['x-matterflow-signature']),
    ).toBe(false);
    expect(JSON.parse(submitted?.body ?? '{}')).toMatchObject({
      event: 'SUBMIT',
      from: 'draft',
      to: 'submitted',
      matter: { id: establishment, version: '1.1.0' },
    });
  });

  it('retries no answer, a 5xx, 408 or 429; gives up on another 4xx or a missing secret', async () => {
    const row = rows[1] as OutboxRow;
    const at = (path: string): OutboxRow => ({
      ...row,
      payload: { ...row.payload, url: `${http.url}${path}` },
    });
    const cases: [OutboxRow, string, boolean][] = [
      [at('/status/500'), 'webhook_failed', true],
      [at('/status/408'), 'webhook_failed', true],
      [at('/status/429'), 'webhook_failed', true],
      [at('/slow'), 'webhook_unreachable', true],
      [
        { ...row, payload: { ...row.payload, url: 'http://127.0.0.1:1/x' } },
        'webhook_unreachable',
        true,
      ],
      [at('/status/404'), 'webhook_rejected', false],
      [at('/status/410'), 'webhook_rejected', false],
      [
        { ...row, payload: { ...row.payload, secretEnv: 'MATTERFLOW_TEST_UNSET' } },
        'webhook_secret_missing',
        false,
      ],
      [
        { ...row, payload: { ...row.payload, url: 'file:///etc/passwd' } },
        'outbox_payload_invalid',
        false,
      ],
    ];
    for (const [outboxRow, code, retryable] of cases) {
      const error = await refusalOf(deliverOutboxRow(services, outboxRow));
      expect({ path: outboxRow.payload.url, code: error.code, retryable: error.retryable }).toEqual(
        {
          path: outboxRow.payload.url,
          code,
          retryable,
        },
      );
    }
  });
});
