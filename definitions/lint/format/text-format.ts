import type { Finding } from '../finding';

/**
 * Findings grouped by file, one line each with place, severity, message, rule and the JSON
 * pointer (the same facts as the json format), then a summary, in the manner of ESLint's
 * "stylish". Empty when there is nothing to say.
 */
export function formatText(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings)
    byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const blocks = [...byFile].map(([file, list]) => [file, ...alignedLines(list)].join('\n'));
  return `${blocks.join('\n\n')}\n\n${summary(findings)}\n`;
}

function alignedLines(findings: readonly Finding[]): string[] {
  const places = findings.map((f) => `${f.line}:${f.column}`);
  const placeWidth = Math.max(...places.map((p) => p.length));
  const messageWidth = Math.max(...findings.map((f) => f.message.length));
  const ruleWidth = Math.max(...findings.map((f) => f.rule.length));
  return findings.map((finding, index) => {
    const place = (places[index] ?? '').padEnd(placeWidth);
    const severity = finding.severity.padEnd('warning'.length);
    const message = finding.message.padEnd(messageWidth);
    const rule = finding.rule.padEnd(ruleWidth);
    return `  ${place}  ${severity}  ${message}  ${rule}  ${finding.pointer}`.trimEnd();
  });
}

function summary(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return `✖ ${plural(findings.length, 'problem')} (${counts})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
