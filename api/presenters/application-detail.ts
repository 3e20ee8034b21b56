import { isUuid } from '../../engine/applications/application-access';
import { viewApplication } from '../../engine/applications/application-queries';
import { listAttachments } from '../../engine/attachments/attachments';
import type { Database } from '../../engine/database/database';
import { listDocuments } from '../../engine/delivery/document-delivery';
import type { EngineActor } from '../../engine/engine-context';
import { loadMatterVersion } from '../../engine/registry/matter-registry';
import { type Audience, presentApplicationView } from './application-presenter';

/**
 * Reads one application for the actor (403 `application_forbidden` for another applicant's or
 * an uncovered matter's, 404 `application_not_found`) with its actions, history, files and
 * documents, as JSON for the audience.
 */
export async function applicationDetail(
  database: Database,
  applicationId: string,
  actor: EngineActor,
  audience: Audience,
) {
  // The id is checked by viewApplication; files and documents are read alongside and shown
  // only once it has allowed the actor in.
  const ids = isUuid(applicationId) ? applicationId : undefined;
  const [view, attachments, documents] = await Promise.all([
    viewApplication(database, applicationId, actor),
    ids ? listAttachments(database, ids) : [],
    ids ? listDocuments(database, ids) : [],
  ]);
  const compiled = await loadMatterVersion(database, view.matterId, view.matterVersion);
  return presentApplicationView(view, compiled, { attachments, documents }, audience);
}

/** Officers and administrators see the application as staff, everyone else as an applicant. */
export function audienceOf(actor: EngineActor): Audience {
  return actor.kind === 'officer' || actor.kind === 'admin' ? 'staff' : 'applicant';
}
