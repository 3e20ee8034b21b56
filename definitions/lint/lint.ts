import { type LoadedDefinition, locate } from '../source/loaded-definition';
import { type Finding, sortFindings } from './finding';
import type { FindingTarget, LintRule, RuleContext, RuleReport } from './lint-rule';
import { lintRules } from './rules';

/**
 * Lints definitions together and returns every finding, sorted by place. Never throws for bad
 * content: a rule that fails on an unforeseen shape becomes an `internal-error` finding.
 */
export function lintDefinitions(
  definitions: readonly LoadedDefinition[],
  rules: readonly LintRule[] = lintRules,
): Finding[] {
  const findings = definitions.flatMap(loadFindings);
  for (const rule of rules) {
    const contexts = definitions.map((d) => createContext(d, rule, findings));
    for (const context of contexts) {
      if (rule.check) runSafely(rule, context, findings, () => rule.check?.(context));
    }
    if (rule.checkAll && contexts[0]) {
      runSafely(rule, contexts[0], findings, () => rule.checkAll?.(contexts));
    }
  }
  return sortFindings(findings);
}

function createContext(definition: LoadedDefinition, rule: LintRule, sink: Finding[]): RuleContext {
  return {
    definition,
    part: (name) => definition.parts[name],
    report: (target, report) => sink.push(toFinding(definition, rule, target, report)),
  };
}

function runSafely(rule: LintRule, context: RuleContext, sink: Finding[], run: () => void): void {
  try {
    run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const target = { file: context.definition.origin, base: '' };
    const report = { pointer: '', message: `rule ${rule.id} failed: ${reason}` };
    sink.push(toFinding(context.definition, internalErrorRule, target, report));
  }
}

export const internalErrorRule: LintRule = {
  id: 'internal-error',
  severity: 'error',
  explain: 'A lint rule failed on an unforeseen shape of the definition; report it with the file.',
};

function toFinding(
  definition: LoadedDefinition,
  rule: LintRule,
  target: FindingTarget,
  report: RuleReport,
): Finding {
  const pointer = target.base + report.pointer;
  const position = report.position ?? locate(definition, target.file, pointer);
  return {
    rule: rule.id,
    severity: rule.severity,
    file: target.file,
    pointer,
    line: position.line,
    column: position.column,
    message: report.message,
  };
}

function loadFindings(definition: LoadedDefinition): Finding[] {
  return definition.problems.map((problem) => ({
    rule: problem.code,
    severity: 'error' as const,
    file: problem.file,
    pointer: problem.pointer,
    line: problem.position.line,
    column: problem.position.column,
    message: problem.message,
  }));
}
