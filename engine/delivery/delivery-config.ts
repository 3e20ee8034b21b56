import { join, resolve } from 'node:path';

/** Where notifications go: SMTP and an SMS gateway when configured, files in DATA_DIR when not. */
export interface DeliveryConfig {
  /** Absolute data folder; the file fallbacks write under `outbox/mail` and `outbox/sms`. */
  dataDir: string;
  /** nodemailer connection URL (`smtp://host:port`, `smtps://user:pass@host`); unset: files. */
  smtpUrl?: string;
  /** Each SMS is POSTed here as `{"to", "text"}`; unset: files. */
  smsWebhookUrl?: string;
  /** The From header of every mail. */
  mailFrom: string;
}

export const defaultMailFrom = 'Matterflow <noreply@localhost>';

/** A setting that cannot work; thrown at start-up so that no request meets it. */
export class DeliveryConfigError extends Error {
  readonly code = 'delivery_config_invalid';

  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryConfigError';
  }
}

const smtpProtocols = ['smtp:', 'smtps:'];
const httpProtocols = ['http:', 'https:'];

/**
 * Reads SMTP_URL, SMS_WEBHOOK_URL, MAIL_FROM and DATA_DIR (default `./data`) and checks them, so
 * that a malformed setting stops start-up with a message naming the variable and the fix.
 * Throws DeliveryConfigError.
 *
 * @example
 * const config = deliveryConfigFromEnv(process.env);
 * const services = createDeliveryServices(config, database, logger);
 */
export function deliveryConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DeliveryConfig {
  const smtpUrl = setting(env, 'SMTP_URL');
  const smsWebhookUrl = setting(env, 'SMS_WEBHOOK_URL');
  if (smtpUrl) checkUrl('SMTP_URL', smtpUrl, smtpProtocols, 'smtp://127.0.0.1:2525');
  if (smsWebhookUrl) {
    checkUrl('SMS_WEBHOOK_URL', smsWebhookUrl, httpProtocols, 'https://sms.example.cn/send');
  }
  const mailFrom = setting(env, 'MAIL_FROM') ?? defaultMailFrom;
  checkMailFrom(mailFrom);
  return {
    dataDir: resolve(setting(env, 'DATA_DIR') ?? './data'),
    smtpUrl,
    smsWebhookUrl,
    mailFrom,
  };
}

/** The folders the file fallbacks write to. */
export const mailFolder = (config: DeliveryConfig) => join(config.dataDir, 'outbox', 'mail');
export const smsFolder = (config: DeliveryConfig) => join(config.dataDir, 'outbox', 'sms');

function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function checkUrl(variable: string, value: string, protocols: string[], example: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DeliveryConfigError(
      variable,
      `${variable} "${redact(value)}" is not a URL; set it like ${example}, or unset it to write messages to DATA_DIR`,
    );
  }
  if (!protocols.includes(url.protocol) || !url.hostname) {
    throw new DeliveryConfigError(
      variable,
      `${variable} "${redact(value)}" must be a ${protocols.join(' or ')} URL with a host, like ${example}`,
    );
  }
}

function checkMailFrom(value: string): void {
  if (/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(value)) return;
  throw new DeliveryConfigError(
    'MAIL_FROM',
    `MAIL_FROM "${value}" is not a mail address; set it like ${defaultMailFrom}`,
  );
}

/** A URL may carry a password; the message shows where it points, not how to log in. */
function redact(value: string): string {
  return value.replace(/\/\/[^/@]*@/, '//***@');
}
