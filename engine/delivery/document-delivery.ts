import { randomUUID } from 'node:crypto';
import type { Label } from '../../definitions/matter-definition';
import { isUuid } from '../applications/application-access';
import type { Database } from '../database/database';
import { notFound } from '../engine-error';
import { loadMatterVersion } from '../registry/matter-registry';
import type { DeliveryServices } from './delivery-services';
import {
  type OutboxRow,
  isRecord,
  payloadInvalid,
  payloadObject,
  payloadString,
  rowApplicationId,
} from './outbox-row';
import { isHtml } from './plain-text';
import { labelText, renderTemplate } from './render-template';

/** An issued document as listed on the workstation, without its content. */
export interface IssuedDocument {
  id: string;
  applicationId: string;
  name: string;
  title: Label;
  mediaType: string;
  outboxId: number | null;
  createdAt: Date;
}

export interface DocumentWithContent extends IssuedDocument {
  content: string;
}

/**
 * Delivers an `issueDocument` row: renders the template of the application's matter version
 * into an HTML document stored with the application. The document carries the outbox id under
 * a unique constraint, so a retried row never issues a second one.
 */
export async function issueDocument(services: DeliveryServices, row: OutboxRow): Promise<void> {
  const applicationId = rowApplicationId(row);
  const matterId = payloadString(row, 'matterId');
  const matterVersion = payloadString(row, 'matterVersion');
  const title = documentTitle(row);
  const compiled = await loadMatterVersion(services.database, matterId, matterVersion);
  const rendered = renderTemplate(
    compiled,
    payloadString(row, 'template'),
    payloadObject(row, 'render'),
    row,
  );
  const inserted = await services
    .database('documents')
    .insert({
      id: randomUUID(),
      application_id: applicationId,
      name: payloadString(row, 'name'),
      title: JSON.stringify(title),
      media_type: 'text/html',
      content: htmlDocument(rendered, labelText(title) ?? ''),
      outbox_id: row.id,
    })
    .onConflict('outbox_id')
    .ignore()
    .returning('id');
  const log = services.logger.child({ outboxId: row.id, applicationId });
  if (inserted.length > 0) log.info({ documentId: inserted[0]?.id }, 'document issued');
  else log.debug('document already issued for this outbox row');
}

/** The documents of an application, oldest first. The caller checks the reader may see it. */
export async function listDocuments(
  database: Database,
  applicationId: string,
): Promise<IssuedDocument[]> {
  if (!isUuid(applicationId)) return [];
  const rows = await database('documents')
    .where({ application_id: applicationId })
    .select(summaryColumns)
    .orderBy([{ column: 'created_at' }, { column: 'outbox_id' }]);
  return rows.map(documentFromRow);
}

/**
 * One document with its content. Throws not found `document_not_found` when the application
 * has no such document. The caller checks the reader may see the application.
 */
export async function readDocument(
  database: Database,
  applicationId: string,
  documentId: string,
): Promise<DocumentWithContent> {
  const row =
    isUuid(applicationId) && isUuid(documentId)
      ? await database('documents')
          .where({ id: documentId, application_id: applicationId })
          .first([...summaryColumns, 'content'])
      : undefined;
  if (!row) {
    throw notFound(
      'document_not_found',
      `application ${applicationId} has no document ${documentId}`,
    );
  }
  return { ...documentFromRow(row), content: row.content };
}

const summaryColumns = [
  'id',
  'application_id',
  'name',
  'title',
  'media_type',
  'outbox_id',
  'created_at',
];

interface DocumentRow {
  id: string;
  application_id: string;
  name: string;
  title: unknown;
  media_type: string;
  outbox_id: number | string | null;
  created_at: Date | string;
}

function documentFromRow(row: DocumentRow): IssuedDocument {
  return {
    id: row.id,
    applicationId: row.application_id,
    name: row.name,
    title: (typeof row.title === 'string' ? JSON.parse(row.title) : row.title) as Label,
    mediaType: row.media_type,
    // pg returns bigint as a string, PGlite as a number.
    outboxId: row.outbox_id === null ? null : Number(row.outbox_id),
    createdAt: new Date(row.created_at),
  };
}

function documentTitle(row: OutboxRow): Label {
  const title = row.payload.title;
  if (isRecord(title) && typeof title['zh-CN'] === 'string') return title as Label;
  if (typeof title === 'string' && title) return { 'zh-CN': title, en: title };
  throw payloadInvalid(row, 'payload.title must be a label');
}

/** A template that is already a whole page stays as it is; a fragment gets a page around it. */
function htmlDocument(rendered: string, title: string): string {
  if (/<html[\s>]/i.test(rendered)) return rendered;
  const body = isHtml(rendered) ? rendered : `<div style="white-space: pre-wrap">${rendered}</div>`;
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8" /><title>${escapeHtml(title)}</title></head>`,
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
