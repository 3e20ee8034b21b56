import { isAbsolute, relative, sep } from 'node:path';
import type { Finding } from '../finding';
import type { LintRule } from '../lint-rule';

/** Where SARIF artifact URIs are made relative to; the CLI passes the working folder. */
export interface SarifOptions {
  baseDir: string;
  toolVersion?: string;
}

/**
 * A SARIF 2.1.0 log of one run: the rules with their explain line, and each finding with its
 * file (relative URI), line and column, and JSON pointer (as a logical location and property).
 */
export function formatSarif(
  findings: readonly Finding[],
  rules: readonly LintRule[],
  options: SarifOptions,
): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver(rules, options.toolVersion) },
        results: findings.map((finding) => result(finding, ruleIndex, options.baseDir)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function driver(rules: readonly LintRule[], version: string | undefined) {
  return {
    name: 'matter',
    ...(version ? { version } : {}),
    rules: rules.map((rule) => ({
      id: rule.id,
      shortDescription: { text: rule.explain },
      defaultConfiguration: { level: rule.severity },
    })),
  };
}

function result(finding: Finding, ruleIndex: Map<string, number>, baseDir: string) {
  const index = ruleIndex.get(finding.rule);
  return {
    ruleId: finding.rule,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: finding.severity,
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(finding.file, baseDir) },
          region: { startLine: finding.line, startColumn: finding.column },
        },
        logicalLocations: [{ fullyQualifiedName: finding.pointer || '/', kind: 'object' }],
      },
    ],
    properties: { pointer: finding.pointer },
  };
}

function artifactUri(file: string, baseDir: string): string {
  const path = isAbsolute(file) ? relative(baseDir, file) : file;
  return path.split(sep).map(encodeURIComponent).join('/');
}
