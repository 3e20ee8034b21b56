import { stateInfo } from '../../definitions/workflow/state-info';
import type { EngineActor, EngineContext } from '../engine-context';
import { badInput, conflict, notAllowed } from '../engine-error';
import { loadMatterVersion } from '../registry/matter-registry';
import { readApplication } from './application-access';
import { type Application, applicationFromRow } from './application-record';

export interface SaveDraft {
  applicationId: string;
  actor: EngineActor;
  data: unknown;
  version: number;
}

/**
 * Saves the applicant's data while the state lets them edit. The data may be partial: only the
 * types and formats of what is present are checked; completeness waits for the submit.
 *
 * Optimistic, with no transaction or row lock: the row is read, checked, and written only if
 * its version is still the one read. Every event and every save moves the version on, so a
 * status or data changed in between makes the write miss and the save a `version_conflict`,
 * exactly as if the client had sent a stale version; a draft save takes three round trips
 * instead of five.
 */
export async function saveDraft(context: EngineContext, request: SaveDraft): Promise<Application> {
  const { database } = context;
  const current = await readApplication(database, request.applicationId, request.actor);
  if (request.actor.kind !== 'applicant') {
    throw notAllowed('applicant_only', 'only the applicant edits the application data');
  }
  if (request.version !== current.version) {
    throw conflict(
      'version_conflict',
      `the application is at version ${current.version}, not ${request.version}; reload it`,
    );
  }
  const compiled = await loadMatterVersion(database, current.matterId, current.matterVersion);
  if (!stateInfo(compiled.definition.workflow, current.status)?.applicantEdits) {
    throw conflict('not_editable', `the application cannot be edited in state ${current.status}`);
  }
  const issues = compiled.form.validatePartial(request.data);
  if (issues.length > 0) {
    const details = issues.map((i) => ({
      pointer: i.pointer,
      code: i.code,
      message: i.message.en,
      messages: i.message,
    }));
    throw badInput(
      'data_invalid',
      `${issues.length} field(s) have the wrong type or format`,
      details,
    );
  }
  const [row] = await database('applications')
    .where({ id: current.id, version: current.version })
    .update({
      data: JSON.stringify(request.data),
      version: current.version + 1,
      updated_at: context.now(),
    })
    .returning('*');
  if (!row) throw staleVersion(current.version + 1, request.version);
  return applicationFromRow(row);
}

function staleVersion(atLeast: number, sent: number) {
  return conflict(
    'version_conflict',
    `the application has moved past version ${sent} (now at ${atLeast} or later); reload it`,
  );
}
