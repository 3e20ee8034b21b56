import { stateInfo } from '../../definitions/workflow/state-info';
import type { EngineActor, EngineContext } from '../engine-context';
import { badInput, conflict, notAllowed } from '../engine-error';
import { loadMatterVersion } from '../registry/matter-registry';
import { lockApplication } from './application-access';
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
 */
export async function saveDraft(context: EngineContext, request: SaveDraft): Promise<Application> {
  return context.database.transaction(async (trx) => {
    const { application: current } = await lockApplication(
      trx,
      request.applicationId,
      request.actor,
    );
    if (request.actor.kind !== 'applicant') {
      throw notAllowed('applicant_only', 'only the applicant edits the application data');
    }
    if (request.version !== current.version) {
      throw conflict(
        'version_conflict',
        `the application is at version ${current.version}, not ${request.version}; reload it`,
      );
    }
    const compiled = await loadMatterVersion(trx, current.matterId, current.matterVersion);
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
    const [row] = await trx('applications')
      .where({ id: current.id })
      .update({
        data: JSON.stringify(request.data),
        version: current.version + 1,
        updated_at: context.now(),
      })
      .returning('*');
    return applicationFromRow(row);
  });
}
