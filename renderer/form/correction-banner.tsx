import type { MouseEvent } from 'react';
import type { ApplicationDetail } from '../application/application-api';
import { useI18n } from '../i18n/i18n';
import { fieldLabel } from './answer-validation';
import type { SchemaNode } from './form-steps';
import { fieldIdOf } from './field-pointer';

/**
 * The officer's correction request while the application waits for it: the comment, and each
 * field to change with the reason, as a link to the field.
 */
export function CorrectionBanner(props: {
  application: ApplicationDetail;
  schema: SchemaNode;
  onSelect(pointer: string): void;
}) {
  const { t } = useI18n();
  const { application } = props;
  const request = application.category === 'correction' ? application.corrections : null;
  if (!request) return null;
  const select = (event: MouseEvent<HTMLAnchorElement>, pointer: string) => {
    event.preventDefault();
    props.onSelect(pointer);
  };
  return (
    <section className="correction-banner" aria-labelledby="correction-title">
      <h2 id="correction-title">{t('form.correction.title')}</h2>
      {request.comment ? (
        <p className="correction-comment">
          <strong>{t('form.correction.comment')}</strong> {request.comment}
        </p>
      ) : null}
      {request.items.length > 0 ? (
        <ul>
          {request.items.map((item, index) => (
            <li key={index}>
              <a href={`#${fieldIdOf(item.pointer)}`} onClick={(e) => select(e, item.pointer)}>
                {fieldLabel(props.schema, item.pointer) || t('form.correction.wholeForm')}
              </a>
              {t('form.correction.reasonSeparator')}
              {item.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
