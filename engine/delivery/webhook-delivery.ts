import { createHmac } from 'node:crypto';
import { failure } from '../engine-error';
import type { DeliveryServices } from './delivery-services';
import { type OutboxRow, payloadInvalid, payloadString } from './outbox-row';
import { postJson } from './post-json';

export const webhookTimeoutMs = 10_000;

/** `sha256=HEX`: the HMAC-SHA256 of the exact body bytes with the endpoint's secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Delivers a `webhook` row: POSTs `payload.body` as JSON to `payload.url` with headers
 * `X-Matterflow-Signature` (webhookSignature of the body), `X-Matterflow-Delivery` (the outbox
 * id, the same on every retry, for the receiver to dedupe) and `X-Matterflow-Timestamp`
 * (ISO 8601). The secret is read from the environment variable `payload.secretEnv`; without it
 * the row fails for good (`webhook_secret_missing`). Answers are sorted by postJson:
 * `webhook_unreachable`, `webhook_failed` (retryable), `webhook_rejected` (not).
 */
export async function deliverWebhook(services: DeliveryServices, row: OutboxRow): Promise<void> {
  const url = webhookUrl(row);
  const secret = webhookSecret(row);
  const body = JSON.stringify(row.payload.body ?? null);
  await postJson({
    url,
    body,
    headers: {
      'X-Matterflow-Signature': webhookSignature(secret, body),
      'X-Matterflow-Delivery': String(row.id),
      'X-Matterflow-Timestamp': new Date().toISOString(),
    },
    timeoutMs: services.httpTimeoutMs ?? webhookTimeoutMs,
    fetch: services.fetch ?? fetch,
    codePrefix: 'webhook',
    what: `outbox ${row.id}`,
  });
  services.logger.info(
    { outboxId: row.id, applicationId: row.applicationId, url },
    'webhook delivered',
  );
}

function webhookUrl(row: OutboxRow): string {
  const url = payloadString(row, 'url');
  if (/^https?:\/\/[^/]/i.test(url) && URL.canParse(url)) return url;
  throw payloadInvalid(row, `payload.url "${url}" is not an http(s) URL`);
}

function webhookSecret(row: OutboxRow): string {
  const name = payloadString(row, 'secretEnv');
  const secret = process.env[name];
  if (secret) return secret;
  throw failure(
    'webhook_secret_missing',
    `outbox ${row.id}: the environment variable ${name} holding the webhook secret is not set`,
    false,
  );
}
