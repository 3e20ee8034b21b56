import { join } from 'node:path';
import { type DeliveryConfig, smsFolder } from './delivery-config';
import { failure } from '../engine-error';
import { type Fetch, postJson } from './post-json';
import { writeFileAtomically } from './write-file-atomically';

/** One text message of one outbox row. */
export interface SmsMessage {
  outboxId: number;
  to: string;
  text: string;
}

/** Sends SMS. A failure is an EngineError `failure` whose `retryable` says whether to retry. */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

export interface SmsSenderOptions {
  fetch?: Fetch;
  timeoutMs?: number;
}

/** The file of one text when SMS goes to files: one per outbox row and number. */
export const smsFileOf = (config: DeliveryConfig, message: Pick<SmsMessage, 'outboxId' | 'to'>) =>
  join(
    smsFolder(config),
    `outbox-${message.outboxId}-${message.to.replace(/[^0-9A-Za-z+]/g, '_')}.json`,
  );

/**
 * POSTs `{"to", "text"}` to SMS_WEBHOOK_URL with header `X-Matterflow-Delivery: OUTBOX_ID` (a
 * gateway may dedupe on it), or writes the same JSON under `DATA_DIR/outbox/sms` when unset.
 * Gateway failures are sorted as by postJson: codes `sms_unreachable`, `sms_failed`,
 * `sms_rejected`; a file that cannot be written is `sms_write_failed` (retryable).
 *
 * @example
 * const sms = createSmsSender(deliveryConfigFromEnv());
 * await sms.send({ outboxId: 7, to: '13800138000', text: '【商事登记】…' });
 */
export function createSmsSender(config: DeliveryConfig, options: SmsSenderOptions = {}): SmsSender {
  const url = config.smsWebhookUrl;
  if (!url) return fileSmsSender(config);
  return {
    send: (message) =>
      postJson({
        url,
        body: JSON.stringify({ to: message.to, text: message.text }),
        headers: { 'X-Matterflow-Delivery': String(message.outboxId) },
        timeoutMs: options.timeoutMs ?? 10_000,
        fetch: options.fetch ?? fetch,
        codePrefix: 'sms',
        what: `outbox ${message.outboxId}`,
      }),
  };
}

function fileSmsSender(config: DeliveryConfig): SmsSender {
  return {
    async send(message) {
      const content = JSON.stringify({ to: message.to, text: message.text }, null, 2);
      try {
        await writeFileAtomically(smsFileOf(config, message), `${content}\n`);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw failure('sms_write_failed', `outbox ${message.outboxId}: ${reason}`, true);
      }
    },
  };
}
