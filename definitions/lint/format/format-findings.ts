import type { Finding } from '../finding';
import type { LintRule } from '../lint-rule';
import { formatJson } from './json-format';
import { formatSarif } from './sarif-format';
import { formatText } from './text-format';

export const outputFormats = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export function isOutputFormat(name: string): name is OutputFormat {
  return (outputFormats as readonly string[]).includes(name);
}

/** Renders findings in one of the output formats of `matter lint`. */
export function formatFindings(
  format: OutputFormat,
  findings: readonly Finding[],
  rules: readonly LintRule[],
  baseDir: string,
): string {
  if (format === 'json') return formatJson(findings);
  if (format === 'sarif') return formatSarif(findings, rules, { baseDir });
  return formatText(findings);
}
