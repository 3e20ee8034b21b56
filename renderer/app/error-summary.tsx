import { type MouseEvent, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

export interface FieldProblem {
  /** The id of the input to go to; empty for a problem of the whole form. */
  fieldId: string;
  message: string;
}

/**
 * The list of a form's problems at its top, each a link that moves focus to its field. It takes
 * focus itself whenever a new list appears (after a failed submit), so a screen reader reads it
 * first and a keyboard user starts from it.
 */
export function ErrorSummary({ problems }: { problems: FieldProblem[] }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) box.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div
      className="error-summary"
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{t('common.errorSummary')}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.fieldId}-${index}`}>
            {problem.fieldId ? (
              <a href={`#${problem.fieldId}`} onClick={(event) => goTo(event, problem.fieldId)}>
                {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function goTo(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.scrollIntoView({ block: 'center' });
  field.focus();
}
