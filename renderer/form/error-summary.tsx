import { type MouseEvent, type Ref } from 'react';
import { useI18n } from '../i18n/i18n';
import type { FieldError } from './form-errors';
import { fieldIdOf } from './field-pointer';

export interface SummaryError extends FieldError {
  /** Where the field is, e.g. `股东 2 · 证照号码`; empty for the whole form. */
  label: string;
}

/**
 * The list of problems at the top of the page, each a link to its field (GOV.UK's error
 * summary). The page moves the focus here after a failed step or submit.
 */
export function ErrorSummary(props: {
  errors: readonly SummaryError[];
  onSelect(pointer: string): void;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useI18n();
  if (props.errors.length === 0) return null;
  const select = (event: MouseEvent<HTMLAnchorElement>, pointer: string) => {
    event.preventDefault();
    props.onSelect(pointer);
  };
  return (
    <div
      className="error-summary"
      ref={props.ref}
      tabIndex={-1}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{t('common.errorSummary')}</h2>
      <ul>
        {props.errors.map((error) => (
          <li key={`${error.pointer}\n${error.message}`}>
            <a href={`#${fieldIdOf(error.pointer)}`} onClick={(e) => select(e, error.pointer)}>
              {error.label && !error.message.includes(lastPart(error.label))
                ? t('form.errorWithField', { field: error.label, message: error.message })
                : error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function lastPart(label: string): string {
  return label.split(' · ').pop() ?? label;
}
