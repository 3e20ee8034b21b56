import type { Finding } from '../finding';

/** The document of `matter lint --format json`: `{"findings": [...]}`, fields in a fixed order. */
export function formatJson(findings: readonly Finding[]): string {
  const list = findings.map(({ rule, severity, file, pointer, line, column, message }) => ({
    rule,
    severity,
    file,
    pointer,
    line,
    column,
    message,
  }));
  return `${JSON.stringify({ findings: list }, null, 2)}\n`;
}
