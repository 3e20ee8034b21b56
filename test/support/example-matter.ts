import { compileDefinition } from '../../definitions/compiled-definition';
import { presentMatter } from '../../api/presenters/matter-presenter';
import { readDefinition } from '../../examples/matters/example-files';
import type { Matter } from '../../renderer/application/application-api';

/**
 * An example matter exactly as `GET /api/matters/:id` answers it (material fields expanded),
 * for the renderer's unit tests, which cannot start a server.
 */
export function exampleMatter(matterId = 'commercial-entity-establishment'): Matter {
  const presented = presentMatter(compileDefinition(readDefinition(matterId)));
  return JSON.parse(JSON.stringify(presented)) as Matter;
}
