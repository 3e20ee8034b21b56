import type { CompiledDefinition } from '../../definitions/compiled-definition';
import type { PageOf } from '../../engine/applications/application-queries';
import type { ApplicationSummary } from '../../engine/applications/application-record';
import type { Database } from '../../engine/database/database';
import { loadMatterVersion } from '../../engine/registry/matter-registry';
import { type Audience, presentListItem } from './application-presenter';

/**
 * A page of applications as list rows with their matter titles and status labels. Each matter
 * version on the page is loaded once (compiled definitions are cached by the registry).
 */
export async function presentApplicationPage(
  database: Database,
  page: PageOf<ApplicationSummary>,
  audience: Audience,
) {
  const versions = new Map<string, CompiledDefinition>();
  for (const application of page.items) {
    const key = `${application.matterId}@${application.matterVersion}`;
    if (versions.has(key)) continue;
    const compiled = await loadMatterVersion(
      database,
      application.matterId,
      application.matterVersion,
    );
    versions.set(key, compiled);
  }
  const items = page.items.map((application) => {
    const compiled = versions.get(`${application.matterId}@${application.matterVersion}`);
    return presentListItem(application, compiled as CompiledDefinition, audience);
  });
  return { items, total: page.total };
}
