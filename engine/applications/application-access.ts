import type { Database } from '../database/database';
import type { EngineActor } from '../engine-context';
import { notAllowed, notFound } from '../engine-error';
import {
  type Application,
  type ApplicationRow,
  applicationFromRow,
  json,
} from './application-record';

/** An application with its stored workflow snapshot, which only the engine reads. */
export interface ApplicationWithSnapshot {
  application: Application;
  snapshot: unknown;
}

/**
 * Reads an application the actor may see: applicants their own, officers those of the matters
 * they cover, administrators and the system all.
 */
export async function readApplication(
  database: Database,
  applicationId: string,
  actor: EngineActor,
): Promise<Application> {
  return (await readApplicationWithSnapshot(database, applicationId, actor)).application;
}

export async function readApplicationWithSnapshot(
  database: Database,
  applicationId: string,
  actor: EngineActor,
): Promise<ApplicationWithSnapshot> {
  const row = isUuid(applicationId)
    ? await database('applications').where({ id: applicationId }).first()
    : undefined;
  return withSnapshot(row, applicationId, actor);
}

/** Like readApplicationWithSnapshot, holding the row lock until the transaction ends. */
export async function lockApplication(
  trx: Database,
  applicationId: string,
  actor: EngineActor,
): Promise<ApplicationWithSnapshot> {
  const row = isUuid(applicationId)
    ? await trx('applications').where({ id: applicationId }).forUpdate().first()
    : undefined;
  return withSnapshot(row, applicationId, actor);
}

function withSnapshot(
  row: ApplicationRow | undefined,
  applicationId: string,
  actor: EngineActor,
): ApplicationWithSnapshot {
  const application = checkAccess(row ? applicationFromRow(row) : undefined, applicationId, actor);
  return { application, snapshot: json(row?.snapshot) };
}

function checkAccess(
  application: Application | undefined,
  applicationId: string,
  actor: EngineActor,
): Application {
  if (!application) throw notFound('application_not_found', `no application ${applicationId}`);
  if (!mayAccess(application, actor)) {
    throw notAllowed(
      'application_forbidden',
      `application ${applicationId} is not yours to handle`,
    );
  }
  return application;
}

export function mayAccess(application: Application, actor: EngineActor): boolean {
  switch (actor.kind) {
    case 'applicant':
      return application.applicantId === actor.id;
    case 'officer':
      return actor.matters === undefined || actor.matters.includes(application.matterId);
    default:
      return true;
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that are not UUIDs cannot exist; checking first keeps PostgreSQL from a cast error. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
