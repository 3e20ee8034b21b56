import {
  discoverDefinitions,
  readDefinitionSource,
} from '../../definitions/source/definition-source';
import { loadDefinition } from '../../definitions/source/loaded-definition';
import type { Database } from '../database/database';
import { type MatterVersionSummary, addMatterVersion } from './matter-registry';

/**
 * Publishes every definition under the folders, as the server does at start-up with
 * MATTERS_DIR. A version already stored with the same content is left as it is; a definition
 * with lint errors, or a changed definition under an old version, stops start-up with the
 * findings, because serving a definition nobody checked is worse than not starting.
 */
export async function publishFolders(
  database: Database,
  folders: readonly string[],
): Promise<MatterVersionSummary[]> {
  const published: MatterVersionSummary[] = [];
  for (const path of discoverDefinitions(folders)) {
    const loaded = loadDefinition(readDefinitionSource(path));
    published.push(await addMatterVersion(database, loaded, { publish: true }));
  }
  return published;
}
