import { isUuid } from '../applications/application-access';
import type { Database } from '../database/database';
import { type ErrorDetail, badInput } from '../engine-error';
import { joinPointer } from '../../definitions/source/json-pointer';

interface FoundReference {
  pointer: string;
  id: string;
  sha256: string;
}

/**
 * Checks that every uploaded-file reference in the data (`{id, name, size, sha256}`) names a file
 * uploaded to this application with that content, so nobody submits another application's
 * material or a reference made up by hand.
 */
export async function checkAttachmentReferences(
  database: Database,
  applicationId: string,
  data: unknown,
): Promise<void> {
  const references = findReferences(data, '', []);
  if (references.length === 0) return;
  const rows: { id: string; sha256: string }[] = await database('attachments')
    .where({ application_id: applicationId })
    .whereIn(
      'id',
      references.map((r) => r.id),
    )
    .select('id', 'sha256');
  const known = new Map(rows.map((row) => [row.id, row.sha256]));
  const details: ErrorDetail[] = references
    .filter((r) => known.get(r.id) !== r.sha256)
    .map((r) => ({
      pointer: r.pointer,
      code: 'attachment_unknown',
      message: 'this file was not uploaded to this application; upload it again',
    }));
  if (details.length > 0) {
    throw badInput(
      'attachment_unknown',
      `${details.length} file reference(s) are not this application's`,
      details,
    );
  }
}

function findReferences(
  value: unknown,
  pointer: string,
  found: FoundReference[],
): FoundReference[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => findReferences(item, joinPointer(pointer, i), found));
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (isReference(record)) found.push({ pointer, id: record.id, sha256: record.sha256 });
    else
      for (const [key, child] of Object.entries(record))
        findReferences(child, joinPointer(pointer, key), found);
  }
  return found;
}

function isReference(record: Record<string, unknown>): record is { id: string; sha256: string } {
  return (
    typeof record.id === 'string' &&
    isUuid(record.id) &&
    typeof record.sha256 === 'string' &&
    typeof record.name === 'string' &&
    typeof record.size === 'number'
  );
}
