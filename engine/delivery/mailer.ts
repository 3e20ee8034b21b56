import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { type DeliveryConfig, mailFolder } from './delivery-config';
import { failure } from '../engine-error';
import { writeFileAtomically } from './write-file-atomically';

/** One mail of one outbox row; the outbox id makes its Message-ID and its file name. */
export interface MailMessage {
  outboxId: number;
  to: string[];
  /** Recipients the others must not see. */
  bcc?: string[];
  subject: string;
  text: string;
  html?: string;
}

/** Sends mail. A failure is an EngineError `failure` whose `retryable` says whether to retry. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Ends pooled connections (`?pool=true` in SMTP_URL); safe to call on any mailer. */
  close(): void;
}

/** `<outbox-ID@matterflow>`: the same row sent twice carries the same id, so receivers dedupe. */
export const messageIdOf = (outboxId: number) => `<outbox-${outboxId}@matterflow>`;

/** The .eml file of an outbox row when mail goes to files. */
export const mailFileOf = (config: DeliveryConfig, outboxId: number) =>
  join(mailFolder(config), `outbox-${outboxId}.eml`);

/**
 * SMTP through nodemailer when SMTP_URL is set, else each message written as an .eml file under
 * `DATA_DIR/outbox/mail`, named after the outbox id so that a retry overwrites it.
 *
 * @example
 * const mailer = createMailer(deliveryConfigFromEnv());
 * await mailer.send({ outboxId: 7, to: ['a@example.cn'], subject: '已提交', text: '…' });
 */
export function createMailer(config: DeliveryConfig): Mailer {
  return config.smtpUrl ? smtpMailer(config, config.smtpUrl) : fileMailer(config);
}

function smtpMailer(config: DeliveryConfig, url: string): Mailer {
  const transport = nodemailer.createTransport(url, { from: config.mailFrom });
  return {
    async send(message) {
      try {
        await transport.sendMail(mailOptions(message));
      } catch (error) {
        throw smtpFailure(message, error);
      }
    },
    close: () => transport.close(),
  };
}

function fileMailer(config: DeliveryConfig): Mailer {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({ from: config.mailFrom, ...mailOptions(message) });
        await writeFileAtomically(mailFileOf(config, message.outboxId), info.message as Buffer);
      } catch (error) {
        throw failure('mail_write_failed', `outbox ${message.outboxId}: ${reason(error)}`, true);
      }
    },
    close: () => transport.close(),
  };
}

function mailOptions(message: MailMessage) {
  return {
    to: message.to,
    bcc: message.bcc,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: messageIdOf(message.outboxId),
  };
}

/**
 * A 5xx reply refuses for good (unknown mailbox, policy); a 4xx reply, a dropped connection or a
 * timeout may pass later.
 */
function smtpFailure(message: MailMessage, error: unknown) {
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  const permanent = typeof responseCode === 'number' && responseCode >= 500;
  return failure(
    permanent ? 'mail_rejected' : 'mail_send_failed',
    `outbox ${message.outboxId}: ${reason(error)}`,
    !permanent,
  );
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
