import { refusalOf } from '../../test/support/refusal';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import {
  type ReceivedMail,
  type TestHttpServer,
  type TestSmtpServer,
  outboxRowsOf,
  startTestHttpServer,
  startTestSmtpServer,
  walkApplication,
} from '../../test/support/delivery-fixture';
import { type EngineFixture, createEngineFixture } from '../../test/support/engine-fixture';
import type { Application } from '../applications/application-record';
import { createLogger } from '../logger';
import { type DeliveryConfig, defaultMailFrom, mailFolder, smsFolder } from './delivery-config';
import {
  type DeliveryServices,
  createDeliveryServices,
  deliverOutboxRow,
} from './deliver-outbox-row';
import type { OutboxRow } from './outbox-row';

const companyName = '深圳市青禾数字科技有限公司';
const officerContact = { name: '受理窗口', email: 'acceptor@gov.example.cn' };

function withPayload(row: OutboxRow, changes: Record<string, unknown>): OutboxRow {
  return { ...row, payload: { ...row.payload, ...changes } };
}

async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('notify delivery', () => {
  let fixture: EngineFixture;
  let smtp: TestSmtpServer;
  let http: TestHttpServer;
  let dataDir: string;
  let application: Application;
  let rows: OutboxRow[];

  const config = (changes: Partial<DeliveryConfig> = {}): DeliveryConfig => ({
    dataDir,
    smtpUrl: smtp.url,
    smsWebhookUrl: `${http.url}/sms`,
    mailFrom: defaultMailFrom,
    ...changes,
  });
  const services = (changes: Partial<DeliveryConfig> = {}, logger = createLogger()) =>
    createDeliveryServices(config(changes), fixture.context.database, logger, {
      officers: { contactsFor: async () => [officerContact] },
    });
  const mailTo = (address: string): ReceivedMail[] =>
    smtp.received.filter((m) => m.recipients.includes(address));

  beforeAll(async () => {
    [fixture, smtp, http] = await Promise.all([
      createEngineFixture('postgres'),
      startTestSmtpServer(),
      startTestHttpServer(),
    ]);
    dataDir = await mkdtemp(join(tmpdir(), 'matterflow-delivery-'));
    application = await walkApplication(fixture.context);
    rows = await outboxRowsOf(fixture.context.database, application.id, 'notify');
  }, 60_000);
  afterAll(async () => {
    await Promise.all([fixture.drop(), smtp.close(), http.close()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('mails and texts the submit notices, rendered with the application’s data', async () => {
    expect(rows.map((row) => row.payload.to)).toEqual([['applicant'], ['officers']]);
    const [toApplicant, toOfficers] = rows as [OutboxRow, OutboxRow];
    const delivery = services();
    for (const row of rows) await deliverOutboxRow(delivery, row);

    const [applicantMail] = mailTo('ent@example.test');
    expect(applicantMail?.mail).toMatchObject({
      subject: '设立登记申请已提交 / Application submitted',
      messageId: `<outbox-${toApplicant.id}@matterflow>`,
      from: { value: [{ address: 'noreply@localhost', name: 'Matterflow' }] },
    });
    expect(applicantMail?.mail.text).toContain(companyName);
    expect(applicantMail?.mail.text).toContain(application.reference);
    expect(applicantMail?.mail.html).toBe(false);

    const [officerMail] = mailTo(officerContact.email);
    expect(officerMail?.mail).toMatchObject({
      subject: '新的设立登记申请 / New registration application',
      messageId: `<outbox-${toOfficers.id}@matterflow>`,
    });
    expect(officerMail?.recipients).toEqual([officerContact.email]);

    const sms = http.received.filter((r) => r.path === '/sms');
    expect(sms).toHaveLength(1);
    expect(sms[0]?.headers['x-matterflow-delivery']).toBe(String(toApplicant.id));
    const text = JSON.parse(sms[0]?.body ?? '{}');
    expect(text.to).toBe('13800138000');
    expect(text.text).toContain(`您的设立登记申请（${companyName}）已提交`);
    expect(text.text).toContain(application.reference);
    expect(text.text).not.toMatch(/\n/);
  });

  it('writes mail and SMS to DATA_DIR when nothing is configured; a retry overwrites', async () => {
    const row = rows[0] as OutboxRow;
    const delivery = services({ smtpUrl: undefined, smsWebhookUrl: undefined });
    await deliverOutboxRow(delivery, row);
    await deliverOutboxRow(delivery, row);

    const mailFiles = await readdir(mailFolder(config()));
    expect(mailFiles).toEqual([`outbox-${row.id}.eml`]);
    const mail = await simpleParser(await readFile(join(mailFolder(config()), mailFiles[0] ?? '')));
    expect(mail.messageId).toBe(`<outbox-${row.id}@matterflow>`);
    expect(mail.subject).toBe('设立登记申请已提交 / Application submitted');
    expect(mail.text).toContain(companyName);

    const smsFiles = await readdir(smsFolder(config()));
    expect(smsFiles).toEqual([`outbox-${row.id}-13800138000.json`]);
    const sms = JSON.parse(await readFile(join(smsFolder(config()), smsFiles[0] ?? ''), 'utf8'));
    expect(sms).toMatchObject({ to: '13800138000', text: expect.stringContaining(companyName) });
  });

  it('skips a channel the applicant has no address for, with a warning', async () => {
    const warnings: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        warnings.push(JSON.parse(String(chunk)).msg);
        done();
      },
    });
    const delivery = services({}, pino({ level: 'warn' }, sink));
    const mailsBefore = smtp.received.length;
    const smsBefore = http.received.length;
    const phoneOnly = { name: '个体户', phone: '13912345678' };
    await deliverOutboxRow(delivery, withPayload(rows[0] as OutboxRow, { applicant: phoneOnly }));

    expect(smtp.received.length).toBe(mailsBefore);
    expect(http.received.length).toBe(smsBefore + 1);
    expect(JSON.parse(http.received.at(-1)?.body ?? '{}').to).toBe('13912345678');
    expect(warnings).toContain('recipient has no address for the channel, skipped');
  });

  it('gives up on a refused mailbox or a 4xx gateway, retries a dead server or a 5xx gateway', async () => {
    const [row] = rows as [OutboxRow];
    const mailOnly = { channels: ['email'] };
    const smsOnly = { channels: ['sms'] };
    const refused = withPayload(row, {
      ...mailOnly,
      applicant: { name: 'x', email: 'reject@x.cn' },
    });
    const cases: [DeliveryServices, OutboxRow, string, boolean][] = [
      [services(), refused, 'mail_rejected', false],
      [
        services({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}` }),
        withPayload(row, mailOnly),
        'mail_send_failed',
        true,
      ],
      [
        services({ smsWebhookUrl: `${http.url}/status/400` }),
        withPayload(row, smsOnly),
        'sms_rejected',
        false,
      ],
      [
        services({ smsWebhookUrl: `${http.url}/status/429` }),
        withPayload(row, smsOnly),
        'sms_failed',
        true,
      ],
      [
        services({ smsWebhookUrl: `${http.url}/status/503` }),
        withPayload(row, smsOnly),
        'sms_failed',
        true,
      ],
    ];
    for (const [delivery, outboxRow, code, retryable] of cases) {
      const error = await refusalOf(deliverOutboxRow(delivery, outboxRow));
      expect({ kind: error.kind, code: error.code, retryable: error.retryable }).toEqual({
        kind: 'failure',
        code,
        retryable,
      });
    }
  });

  it('refuses for good an unknown kind, template or matter version', async () => {
    const [row] = rows as [OutboxRow];
    const delivery = services();
    const cases: [OutboxRow, string][] = [
      [{ ...row, kind: 'fax' }, 'unknown_outbox_kind'],
      [withPayload(row, { template: 'missing' }), 'template_not_found'],
      [withPayload(row, { matterVersion: '9.9.9' }), 'matter_not_found'],
      [withPayload(row, { channels: 'email' }), 'outbox_payload_invalid'],
    ];
    for (const [outboxRow, code] of cases) {
      const error = await refusalOf(deliverOutboxRow(delivery, outboxRow));
      expect({ code: error.code, retryable: error.retryable }).toEqual({ code, retryable: false });
    }
  });
});
