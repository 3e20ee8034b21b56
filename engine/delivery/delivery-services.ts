import type { Database } from '../database/database';
import type { Logger } from '../logger';
import type { DeliveryConfig } from './delivery-config';
import { type Mailer, createMailer } from './mailer';
import { type OfficerDirectory, emptyOfficerDirectory } from './officer-directory';
import type { Fetch } from './post-json';
import { type SmsSender, createSmsSender } from './sms-sender';

/** What the consumers of outbox rows use; tests and the API swap any part. */
export interface DeliveryServices {
  database: Database;
  logger: Logger;
  mailer: Mailer;
  sms: SmsSender;
  officers: OfficerDirectory;
  /** For webhooks; the global fetch when absent. */
  fetch?: Fetch;
  /** Timeout of a webhook POST; 10 s when absent. */
  httpTimeoutMs?: number;
}

/**
 * Mail, SMS and officer lookup as configured. Close `services.mailer` at shutdown.
 *
 * @example
 * const services = createDeliveryServices(deliveryConfigFromEnv(), database, logger);
 * await deliverOutboxRow(services, row);
 */
export function createDeliveryServices(
  config: DeliveryConfig,
  database: Database,
  logger: Logger,
  overrides: Partial<DeliveryServices> = {},
): DeliveryServices {
  return {
    database,
    logger,
    mailer: overrides.mailer ?? createMailer(config),
    sms: overrides.sms ?? createSmsSender(config, { fetch: overrides.fetch }),
    officers: overrides.officers ?? emptyOfficerDirectory,
    fetch: overrides.fetch,
    httpTimeoutMs: overrides.httpTimeoutMs,
  };
}
