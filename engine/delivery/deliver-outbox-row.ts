import { EngineError, failure } from '../engine-error';
import type { DeliveryServices } from './delivery-services';
import { issueDocument } from './document-delivery';
import { deliverMessage } from './message-delivery';
import { deliverNotification } from './notify-delivery';
import type { OutboxRow } from './outbox-row';
import { deliverWebhook } from './webhook-delivery';

export type { OutboxRow } from './outbox-row';
export { type DeliveryServices, createDeliveryServices } from './delivery-services';

type Consumer = (services: DeliveryServices, row: OutboxRow) => Promise<void>;

const consumers: Record<string, Consumer> = {
  notify: deliverNotification,
  issueDocument,
  webhook: deliverWebhook,
  message: deliverMessage,
};

/** The kinds deliverOutboxRow consumes; `timer` and `timer-cancel` belong to the runtime. */
export const deliveryKinds = Object.keys(consumers);

/**
 * Delivers one outbox row by its kind. Consumers are idempotent where the effect is ours
 * (documents) and at least once where it leaves us (mail, SMS, webhooks carry the outbox id for
 * receivers to dedupe). Every failure comes out as an EngineError of kind `failure`, whose
 * `retryable` the job queue reads:
 *
 * | code | retryable |
 * | --- | --- |
 * | `unknown_outbox_kind`, `outbox_payload_invalid` | no |
 * | `template_not_found`, `template_render_failed`, `matter_not_found` | no |
 * | `mail_send_failed`, `mail_write_failed` / `mail_rejected` (SMTP 5xx) | yes / no |
 * | `sms_unreachable`, `sms_failed`, `sms_write_failed` / `sms_rejected` | yes / no |
 * | `webhook_unreachable`, `webhook_failed` / `webhook_rejected`, `webhook_secret_missing` | yes / no |
 * | `delivery_failed` (anything unforeseen, such as a lost database connection) | yes |
 */
export async function deliverOutboxRow(services: DeliveryServices, row: OutboxRow): Promise<void> {
  const consume = consumers[row.kind];
  if (!consume) {
    throw failure(
      'unknown_outbox_kind',
      `outbox row ${row.id} has unknown kind "${row.kind}"`,
      false,
    );
  }
  try {
    await consume(services, row);
  } catch (error) {
    throw asDeliveryFailure(error, row);
  }
}

/** Refusals of the engine (a matter version not found) will not change: not retryable. */
function asDeliveryFailure(error: unknown, row: OutboxRow): EngineError {
  if (error instanceof EngineError) {
    return error.kind === 'failure' ? error : failure(error.code, error.message, false);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return failure('delivery_failed', `outbox row ${row.id} (${row.kind}): ${reason}`, true);
}
