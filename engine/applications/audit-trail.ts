import type { Correction } from '../../definitions/workflow/workflow-machine';
import type { Database } from '../database/database';
import type { EngineActor } from '../engine-context';

export interface AuditEntry {
  event: string;
  from: string | null;
  to: string;
  actor: EngineActor;
  comment?: string;
  corrections?: Correction[];
  now: Date;
}

export interface HistoryItem {
  seq: number;
  event: string;
  from: string | null;
  to: string;
  actorId: string | null;
  actorKind: string;
  actorRoles: string[];
  comment: string | null;
  corrections: Correction[] | null;
  at: Date;
}

/**
 * Appends one audit row. The caller holds the application's row lock, so `seq` (one more than
 * the last) leaves no gap and no two rows share a number; a unique index backs that up.
 */
export async function appendAudit(trx: Database, applicationId: string, entry: AuditEntry) {
  const last = await trx('application_events')
    .where({ application_id: applicationId })
    .max({ seq: 'seq' })
    .first();
  await trx('application_events').insert({
    application_id: applicationId,
    seq: Number(last?.seq ?? 0) + 1,
    event: entry.event,
    from_status: entry.from,
    to_status: entry.to,
    actor_id: entry.actor.id,
    actor_kind: entry.actor.kind,
    actor_roles: entry.actor.roles ?? [],
    comment: entry.comment ?? null,
    corrections: entry.corrections ? JSON.stringify(entry.corrections) : null,
    created_at: entry.now,
  });
}

export async function readHistory(
  database: Database,
  applicationId: string,
): Promise<HistoryItem[]> {
  const rows = await database('application_events')
    .where({ application_id: applicationId })
    .orderBy('seq');
  return rows.map((row) => ({
    seq: Number(row.seq),
    event: row.event,
    from: row.from_status,
    to: row.to_status,
    actorId: row.actor_id,
    actorKind: row.actor_kind,
    actorRoles: row.actor_roles ?? [],
    comment: row.comment,
    corrections:
      typeof row.corrections === 'string' ? JSON.parse(row.corrections) : row.corrections,
    at: row.created_at,
  }));
}
