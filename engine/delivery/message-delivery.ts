import type { DeliveryServices } from './delivery-services';
import { type OutboxRow, payloadInvalid, payloadString } from './outbox-row';

/**
 * Delivers a `message` row: one text to one address, not tied to an application, such as a
 * password recovery code. Payload `{channel: 'sms' | 'email', to, subject, text}`; the subject
 * is for mail only. Sent at least once, like notifications: a mail keeps the Message-ID
 * `<outbox-ID@matterflow>`, an SMS the `X-Matterflow-Delivery` header.
 */
export async function deliverMessage(services: DeliveryServices, row: OutboxRow): Promise<void> {
  const channel = payloadString(row, 'channel');
  const to = payloadString(row, 'to');
  const text = payloadString(row, 'text');
  if (channel === 'sms') {
    await services.sms.send({ outboxId: row.id, to, text });
  } else if (channel === 'email') {
    const subject = payloadString(row, 'subject');
    await services.mailer.send({ outboxId: row.id, to: [to], subject, text });
  } else {
    throw payloadInvalid(row, `payload.channel must be "sms" or "email", not "${channel}"`);
  }
  services.logger.info({ outboxId: row.id, channel }, 'message sent');
}
