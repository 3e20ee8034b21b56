import type { SourcePosition } from '../source/json-document';
import type {
  LoadedDefinition,
  LoadedPart,
  LoadedTemplate,
  PartName,
} from '../source/loaded-definition';
import type { Severity } from './finding';

/** Where a finding points: a part or template, and a pointer relative to it. */
export type FindingTarget = Pick<LoadedPart | LoadedTemplate, 'file' | 'base'>;

export interface RuleReport {
  /** Pointer inside the target; '' for the target itself. */
  pointer: string;
  message: string;
  /** Overrides the position derived from the pointer, e.g. a line inside a template. */
  position?: SourcePosition;
}

export interface RuleContext {
  readonly definition: LoadedDefinition;
  part(name: PartName): LoadedPart | undefined;
  report(target: FindingTarget, report: RuleReport): void;
}

/**
 * A lint rule. `check` runs on one definition; `checkAll`, when present, once over every
 * definition of a run (for rules across folders). Rules read parts as `unknown` and must
 * cope with any shape, since the meta-schema findings do not stop the other rules.
 */
export interface LintRule {
  id: string;
  severity: Severity;
  /** One line: why the rule exists and how to fix what it finds. */
  explain: string;
  check?(context: RuleContext): void;
  checkAll?(contexts: readonly RuleContext[]): void;
}
