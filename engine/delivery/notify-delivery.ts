import type { ApplicantContact } from '../engine-context';
import type { Logger } from '../logger';
import { loadMatterVersion } from '../registry/matter-registry';
import type { DeliveryServices } from './delivery-services';
import {
  type OutboxRow,
  isRecord,
  payloadObject,
  payloadString,
  payloadStrings,
} from './outbox-row';
import { isHtml, plainText, smsText } from './plain-text';
import { labelText, renderTemplate, renderText } from './render-template';

/** A notify row made ready to send: the template rendered once for every channel. */
interface Notification {
  row: OutboxRow;
  subject: string;
  rendered: string;
  channels: string[];
  recipients: Recipient[];
  log: Logger;
}

interface Recipient {
  group: 'applicant' | 'officers';
  contact: ApplicantContact;
}

/**
 * Delivers a `notify` row: renders the template of the application's own matter version with
 * the context frozen at the event, then sends it by each channel of `params.channels` to each
 * group of `params.to`. A recipient without an address for a channel is skipped with a warning.
 * A retry sends again (at least once); mails keep the Message-ID `<outbox-ID@matterflow>`.
 * One mail per row: the applicant in To with officers in Bcc, or the officers in To.
 */
export async function deliverNotification(
  services: DeliveryServices,
  row: OutboxRow,
): Promise<void> {
  const notification = await prepare(services, row);
  if (notification.channels.includes('email')) await sendMail(services, notification);
  if (notification.channels.includes('sms')) await sendSms(services, notification);
  for (const channel of notification.channels.filter((c) => c !== 'email' && c !== 'sms')) {
    notification.log.warn({ channel }, 'notification channel unknown, skipped');
  }
}

async function prepare(services: DeliveryServices, row: OutboxRow): Promise<Notification> {
  const matterId = payloadString(row, 'matterId');
  const matterVersion = payloadString(row, 'matterVersion');
  const render = payloadObject(row, 'render');
  const compiled = await loadMatterVersion(services.database, matterId, matterVersion);
  const log = services.logger.child({
    outboxId: row.id,
    applicationId: row.applicationId,
    matter: `${matterId}@${matterVersion}`,
  });
  const subjectSource =
    labelText(row.payload.subject) ?? labelText(compiled.definition.matter.title) ?? matterId;
  return {
    row,
    subject: renderText(subjectSource, render),
    rendered: renderTemplate(compiled, payloadString(row, 'template'), render, row),
    channels: payloadStrings(row, 'channels'),
    recipients: await recipientsOf(services, row, matterId, log),
    log,
  };
}

async function recipientsOf(
  services: DeliveryServices,
  row: OutboxRow,
  matterId: string,
  log: Logger,
): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  for (const group of payloadStrings(row, 'to')) {
    if (group === 'applicant') {
      const contact = applicantContact(row.payload.applicant);
      if (contact) recipients.push({ group, contact });
      else log.warn('notification names the applicant but the row has no contact');
    } else if (group === 'officers') {
      const officers = await services.officers.contactsFor(matterId);
      if (officers.length === 0) log.warn('no officer contacts for the matter, none notified');
      for (const contact of officers) recipients.push({ group, contact });
    } else {
      log.warn({ group }, 'notification recipient group unknown, skipped');
    }
  }
  return recipients;
}

async function sendMail(services: DeliveryServices, notification: Notification): Promise<void> {
  const addressed = withAddress(notification, 'email');
  if (addressed.length === 0) return;
  const addresses = (group: Recipient['group']) =>
    unique(addressed.filter((r) => r.group === group).map((r) => r.contact.email ?? ''));
  const applicant = addresses('applicant');
  const officers = addresses('officers');
  const { rendered, row } = notification;
  await services.mailer.send({
    outboxId: row.id,
    to: applicant.length > 0 ? applicant : officers,
    bcc: applicant.length > 0 && officers.length > 0 ? officers : undefined,
    subject: notification.subject,
    text: plainText(rendered),
    html: isHtml(rendered) ? rendered : undefined,
  });
  notification.log.info({ recipients: applicant.length + officers.length }, 'notification mailed');
}

async function sendSms(services: DeliveryServices, notification: Notification): Promise<void> {
  const phones = unique(withAddress(notification, 'phone').map((r) => r.contact.phone ?? ''));
  const text = smsText(notification.rendered);
  for (const phone of phones) {
    await services.sms.send({ outboxId: notification.row.id, to: phone, text });
  }
  if (phones.length > 0)
    notification.log.info({ recipients: phones.length }, 'notification texted');
}

/** The recipients that have this address; each one without is named in a warning. */
function withAddress(notification: Notification, field: 'email' | 'phone'): Recipient[] {
  const channel = field === 'email' ? 'email' : 'sms';
  const addressed = notification.recipients.filter((r) => r.contact[field]);
  for (const recipient of notification.recipients.filter((r) => !r.contact[field])) {
    notification.log.warn(
      { channel, group: recipient.group, name: recipient.contact.name },
      'recipient has no address for the channel, skipped',
    );
  }
  if (addressed.length === 0) notification.log.warn({ channel }, 'notification has no recipient');
  return addressed;
}

function applicantContact(value: unknown): ApplicantContact | undefined {
  if (!isRecord(value)) return undefined;
  const text = (key: string) => (typeof value[key] === 'string' ? value[key] : undefined);
  return { name: text('name') ?? '', email: text('email'), phone: text('phone') };
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}
