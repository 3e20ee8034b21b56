import { randomUUID } from 'node:crypto';
import type { CompiledDefinition } from '../../definitions/compiled-definition';
import { stateInfo } from '../../definitions/workflow/state-info';
import { startWorkflow } from '../../definitions/workflow/workflow-step';
import type { ApplicantContact, EngineActor, EngineContext } from '../engine-context';
import { notAllowed } from '../engine-error';
import { loadMatterVersion } from '../registry/matter-registry';
import { type Application, applicationFromRow } from './application-record';
import { recordEffects } from './application-effects';
import { appendAudit } from './audit-trail';
import { defaultReferencePrefix, nextReferenceNumber } from './reference-number';

export interface StartApplication {
  matterId: string;
  applicant: EngineActor;
  contact: ApplicantContact;
  data?: unknown;
}

/**
 * Starts an application on the matter's current published version, after checking that the
 * applicant's type and login level fit the matter. The application stays on that version for
 * its whole life, whatever is published later.
 */
export async function startApplication(
  context: EngineContext,
  request: StartApplication,
): Promise<Application> {
  const compiled = await loadMatterVersion(context.database, request.matterId);
  checkApplicantFits(compiled, request.applicant);
  const data = request.data ?? {};
  const start = startWorkflow(compiled.machine, data);
  const info = stateInfo(compiled.definition.workflow, start.state);
  const now = context.now();

  const application = await context.database.transaction(async (trx) => {
    const { matter } = compiled.definition;
    const prefix = matter.referencePrefix ?? defaultReferencePrefix(matter.id);
    const [row] = await trx('applications')
      .insert({
        id: randomUUID(),
        reference: await nextReferenceNumber(trx, prefix, now),
        matter_id: matter.id,
        matter_version: matter.version,
        applicant_id: request.applicant.id,
        applicant_kind: request.applicant.applicantType ?? 'individual',
        applicant: JSON.stringify(request.contact),
        status: start.state,
        category: info?.category ?? 'draft',
        snapshot: JSON.stringify(start.snapshot),
        data: JSON.stringify(data),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('*');
    const created = applicationFromRow(row);
    await appendAudit(trx, created.id, {
      event: 'START',
      from: null,
      to: start.state,
      actor: request.applicant,
      now,
    });
    await recordEffects(trx, compiled, created, start, { now, event: 'START' });
    return created;
  });
  context.afterCommit();
  context.logger.info(
    {
      applicationId: application.id,
      matter: `${application.matterId}@${application.matterVersion}`,
    },
    'application started',
  );
  return application;
}

function checkApplicantFits(compiled: CompiledDefinition, actor: EngineActor): void {
  const { matter } = compiled.definition;
  if (actor.kind !== 'applicant') {
    throw notAllowed('applicant_only', 'only an applicant can start an application');
  }
  const type = actor.applicantType ?? 'individual';
  if (!matter.applicantTypes.includes(type)) {
    throw notAllowed(
      'applicant_type_not_allowed',
      `${matter.id} is for ${matter.applicantTypes.join(' and ')} applicants, not ${type}`,
    );
  }
  if (matter.authLevel === 'certificate' && actor.authLevel !== 'certificate') {
    throw notAllowed(
      'certificate_login_required',
      `${matter.id} needs a CA certificate login; log in with your certificate`,
    );
  }
}
