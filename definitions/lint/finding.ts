export type Severity = 'error' | 'warning';

/** One problem the linter found, placed in a file both by JSON pointer and by line and column. */
export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  pointer: string;
  line: number;
  column: number;
  message: string;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Findings in reading order: by file, then line, then column. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}
