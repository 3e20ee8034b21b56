import { localized, useI18n } from '../i18n/i18n';
import type { FormStep } from './form-steps';

/**
 * The steps of the form as a list the person can move through in any order, the check page
 * last; the current one is marked for screen readers and steps with problems say so.
 */
export function StepList(props: {
  steps: readonly FormStep[];
  current: number;
  withErrors: ReadonlySet<number>;
  onSelect(index: number): void;
}) {
  const { t, locale } = useI18n();
  const titles = [
    ...props.steps.map((step) => localized(step.title, locale) || t('form.step.untitled')),
    t('form.check.title'),
  ];
  return (
    <nav className="step-list" aria-label={t('form.step.navigation')}>
      <ol>
        {titles.map((title, index) => {
          const current = index === props.current;
          const problem = props.withErrors.has(index);
          return (
            <li key={index} className={current ? 'step-current' : undefined}>
              <button
                type="button"
                className="step-link"
                aria-current={current ? 'step' : undefined}
                onClick={() => props.onSelect(index)}
              >
                <span className="step-number">{index + 1}</span> {title}
                {problem ? <span className="step-problem"> {t('form.step.hasErrors')}</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
