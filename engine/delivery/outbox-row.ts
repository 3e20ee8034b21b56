import { failure } from '../engine-error';

/** One row of the outbox as the dispatcher hands it to delivery. */
export interface OutboxRow {
  id: number;
  applicationId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** A payload that does not have the shape its kind needs: trying again cannot help. */
export function payloadInvalid(row: OutboxRow, reason: string) {
  return failure('outbox_payload_invalid', `outbox row ${row.id} (${row.kind}): ${reason}`, false);
}

export function payloadString(row: OutboxRow, key: string): string {
  const value = row.payload[key];
  if (typeof value === 'string' && value !== '') return value;
  throw payloadInvalid(row, `payload.${key} must be a non-empty string`);
}

export function payloadObject(row: OutboxRow, key: string): Record<string, unknown> {
  const value = row.payload[key];
  if (isRecord(value)) return value;
  throw payloadInvalid(row, `payload.${key} must be an object`);
}

export function payloadStrings(row: OutboxRow, key: string): string[] {
  const value = row.payload[key];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw payloadInvalid(row, `payload.${key} must be an array of strings`);
}

export function rowApplicationId(row: OutboxRow): string {
  if (row.applicationId) return row.applicationId;
  throw payloadInvalid(row, 'the row names no application');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
