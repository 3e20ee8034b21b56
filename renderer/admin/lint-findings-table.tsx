import { localized, useI18n } from '../i18n/i18n';
import { lintRuleTitles } from './lint-rule-titles';
import type { LintFinding } from './matter-version';

/** The linter's findings, errors first, each placed by pointer and by line and column. */
export function LintFindingsTable({ findings }: { findings: LintFinding[] }) {
  const { t, locale } = useI18n();
  if (findings.length === 0) return <p>{t('admin.lint.none')}</p>;
  const ordered = [...findings].sort(
    (a, b) => severityRank(a) - severityRank(b) || a.line - b.line || a.column - b.column,
  );
  return (
    <div className="table-scroll">
      <table className="lint-findings">
        <caption>{t('admin.lint.caption', { count: findings.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.lint.severity')}</th>
            <th scope="col">{t('admin.lint.rule')}</th>
            <th scope="col">{t('admin.lint.pointer')}</th>
            <th scope="col">{t('admin.lint.line')}</th>
            <th scope="col">{t('admin.lint.message')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((finding, index) => (
            <tr key={index} className={`lint-${finding.severity}`}>
              <td>
                <span className={`lint-severity lint-severity-${finding.severity}`}>
                  {t(finding.severity === 'error' ? 'admin.lint.error' : 'admin.lint.warning')}
                </span>
              </td>
              <td>
                {lintRuleTitles[finding.rule] && (
                  <span className="lint-rule-title">
                    {localized(lintRuleTitles[finding.rule], locale)}
                  </span>
                )}
                <code>{finding.rule}</code>
              </td>
              <td>
                <code>{finding.pointer || '/'}</code>
              </td>
              <td>{t('admin.lint.at', { line: finding.line, column: finding.column })}</td>
              <td>{finding.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function severityRank(finding: LintFinding): number {
  return finding.severity === 'error' ? 0 : 1;
}
