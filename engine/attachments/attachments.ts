import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Material } from '../../definitions/matter-definition';
import { stateInfo } from '../../definitions/workflow/state-info';
import { readApplication } from '../applications/application-access';
import type { Database } from '../database/database';
import type { EngineActor, EngineContext } from '../engine-context';
import { badInput, conflict, notFound } from '../engine-error';
import { loadMatterVersion } from '../registry/matter-registry';
import { contentCheck } from './content-sniffing';
import type { FileStore } from './file-store';

/** What the client gets back after an upload, and what the form data then references. */
export interface AttachmentRef {
  id: string;
  name: string;
  size: number;
  sha256: string;
}

export interface Attachment extends AttachmentRef {
  applicationId: string;
  materialId: string;
  mediaType: string;
  storageKey: string;
  createdAt: Date;
}

export interface Upload {
  applicationId: string;
  actor: EngineActor;
  materialId: string;
  name: string;
  mediaType: string;
  content: Readable;
}

/** Files over this size are refused when a material names no limit. */
export const defaultMaxSize = 10 * 1024 * 1024;

/**
 * Stores one material file: the material must exist on the application's version, the media type
 * be one it accepts, the size within its limit and the state one where the applicant edits.
 */
export async function addAttachment(
  context: EngineContext,
  files: FileStore,
  upload: Upload,
): Promise<AttachmentRef> {
  const application = await readApplication(context.database, upload.applicationId, upload.actor);
  const compiled = await loadMatterVersion(
    context.database,
    application.matterId,
    application.matterVersion,
  );
  if (!stateInfo(compiled.definition.workflow, application.status)?.applicantEdits) {
    throw conflict('not_editable', `materials cannot be added in state ${application.status}`);
  }
  const material = findMaterial(compiled.definition.matter.materials, upload.materialId);
  checkMediaType(material, upload.mediaType);
  const maxSize = material.maxSize ?? defaultMaxSize;
  const stored = await files.save(upload.content, maxSize, contentCheck(upload.mediaType));
  const id = randomUUID();
  const name = cleanName(upload.name);
  await context.database('attachments').insert({
    id,
    application_id: application.id,
    material_id: material.id,
    name,
    media_type: upload.mediaType,
    size: stored.size,
    sha256: stored.sha256,
    storage_key: stored.storageKey,
    uploaded_by: upload.actor.id,
  });
  return { id, name, size: stored.size, sha256: stored.sha256 };
}

function findMaterial(materials: Material[], materialId: string): Material {
  const material = materials.find((m) => m.id === materialId);
  if (!material) {
    throw badInput('material_unknown', `the matter asks for no material "${materialId}"`, [
      { pointer: '/materialId', code: 'material_unknown', message: `no material ${materialId}` },
    ]);
  }
  return material;
}

function checkMediaType(material: Material, mediaType: string): void {
  const accept = material.accept;
  if (!accept || accept.some((pattern) => matchesMediaType(pattern, mediaType))) return;
  throw badInput(
    'file_type_not_allowed',
    `${material.id} accepts ${accept.join(', ')}, not ${mediaType}`,
    [
      {
        pointer: '/file',
        code: 'file_type_not_allowed',
        message: `accepted: ${accept.join(', ')}`,
      },
    ],
  );
}

function matchesMediaType(pattern: string, mediaType: string): boolean {
  if (pattern.endsWith('/*')) return mediaType.startsWith(pattern.slice(0, -1));
  return pattern === mediaType.split(';')[0]?.trim().toLowerCase();
}

/** Keeps the name people see, without paths or control characters. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return printable.slice(0, 255) || 'file';
}

export async function listAttachments(
  database: Database,
  applicationId: string,
): Promise<Attachment[]> {
  const rows = await database('attachments')
    .where({ application_id: applicationId })
    .orderBy('created_at');
  return rows.map(attachmentFromRow);
}

/** One attachment of an application the actor may see. */
export async function readAttachment(
  database: Database,
  applicationId: string,
  attachmentId: string,
  actor: EngineActor,
): Promise<Attachment> {
  await readApplication(database, applicationId, actor);
  const row = /^[0-9a-f-]{36}$/i.test(attachmentId)
    ? await database('attachments')
        .where({ id: attachmentId, application_id: applicationId })
        .first()
    : undefined;
  if (!row)
    throw notFound('attachment_not_found', `no attachment ${attachmentId} on ${applicationId}`);
  return attachmentFromRow(row);
}

function attachmentFromRow(row: Record<string, unknown>): Attachment {
  return {
    id: String(row.id),
    applicationId: String(row.application_id),
    materialId: String(row.material_id),
    name: String(row.name),
    mediaType: String(row.media_type),
    size: Number(row.size),
    sha256: String(row.sha256),
    storageKey: String(row.storage_key),
    createdAt: row.created_at as Date,
  };
}
