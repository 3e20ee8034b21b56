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
  const view = await viewApplication(database, applicationId, actor);
  const [compiled, attachments, documents] = await Promise.all([
    loadMatterVersion(database, view.matterId, view.matterVersion),
    listAttachments(database, view.id),
    listDocuments(database, view.id),
  ]);
  return presentApplicationView(view, compiled, { attachments, documents }, audience);
}

/** Officers and administrators see the application as staff, everyone else as an applicant. */
export function audienceOf(actor: EngineActor): Audience {
  return actor.kind === 'officer' || actor.kind === 'admin' ? 'staff' : 'applicant';
}
