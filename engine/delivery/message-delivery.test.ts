import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestSmtpServer, startTestSmtpServer } from '../../test/support/delivery-fixture';
import { createLogger } from '../logger';
import type { Database } from '../database/database';
import { deliverOutboxRow } from './deliver-outbox-row';
import { createDeliveryServices } from './delivery-services';
import { smsFileOf } from './sms-sender';

const logger = createLogger({ level: 'silent' });
const database = {} as Database;
const row = (id: number, payload: Record<string, unknown>) => ({
  id,
  applicationId: null,
  kind: 'message',
  payload,
  attempts: 1,
});

describe('a message row', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.close());

  it('is mailed with its subject and the outbox Message-ID', async () => {
    const config = {
      dataDir: mkdtempSync(join(tmpdir(), 'mf-msg-')),
      smtpUrl: smtp.url,
      mailFrom: 'Matterflow <noreply@localhost>',
    };
    const services = createDeliveryServices(config, database, logger);
    await deliverOutboxRow(
      services,
      row(41, { channel: 'email', to: 'a@example.com', subject: '验证码', text: '验证码 123456' }),
    );
    services.mailer.close();
    const [received] = smtp.received;
    expect(received?.recipients).toEqual(['a@example.com']);
    expect(received?.mail.subject).toBe('验证码');
    expect(received?.mail.text?.trim()).toBe('验证码 123456');
    expect(received?.mail.messageId).toBe('<outbox-41@matterflow>');
  });

  it('is texted, and a bad channel fails for good', async () => {
    const config = { dataDir: mkdtempSync(join(tmpdir(), 'mf-msg-')), mailFrom: 'x <x@localhost>' };
    const services = createDeliveryServices(config, database, logger);
    await deliverOutboxRow(
      services,
      row(42, { channel: 'sms', to: '13800138000', text: '123456' }),
    );
    const file = smsFileOf(config, { outboxId: 42, to: '13800138000' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ to: '13800138000', text: '123456' });
    await expect(
      deliverOutboxRow(services, row(43, { channel: 'fax', to: '1', text: 'x' })),
    ).rejects.toMatchObject({ code: 'outbox_payload_invalid', retryable: false });
  });
});
