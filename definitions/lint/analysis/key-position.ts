import type { SourcePosition } from '../../source/json-document';
import type { FindingTarget, RuleContext } from '../lint-rule';

/** The position of a property's key (rather than its value), for findings about a name. */
export function keyPosition(
  context: RuleContext,
  target: FindingTarget,
  pointer: string,
): SourcePosition | undefined {
  return context.definition.documents.get(target.file)?.locateKey(target.base + pointer);
}
