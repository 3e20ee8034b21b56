import type { Database } from '../database/database';
import type { EngineActor } from '../engine-context';
import { notAllowed, notFound } from '../engine-error';
import { type Application, applicationFromRow } from './application-record';

/**
 * Reads an application the actor may see: applicants their own, officers those of the matters
 * they cover, administrators and the system all.
 */
export async function readApplication(
  database: Database,
  applicationId: string,
  actor: EngineActor,
): Promise<Application> {
  const row = isUuid(applicationId)
    ? await database('applications').where({ id: applicationId }).first()
    : undefined;
  return checkAccess(row ? applicationFromRow(row) : undefined, applicationId, actor);
}

/** Like readApplication, holding the row lock until the transaction ends. */
export async function lockApplication(
  trx: Database,
  applicationId: string,
  actor: EngineActor,
): Promise<Application> {
  const row = isUuid(applicationId)
    ? await trx('applications').where({ id: applicationId }).forUpdate().first()
    : undefined;
  return checkAccess(row ? applicationFromRow(row) : undefined, applicationId, actor);
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
