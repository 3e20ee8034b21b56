import { attachmentUrl } from '../application/application-api';
import { localized, useI18n } from '../i18n/i18n';
import type { AnswerGroup, AnswerRow } from './answer-rows';

/**
 * Every answer by step, as a description list per step: the check page shows a "change" button
 * beside each (and each step), the application detail shows them read-only with file links.
 */
export function AnswerList(props: {
  applicationId: string;
  groups: readonly AnswerGroup[];
  /** The step, then the answer, to go back and change; omitted on a read-only page. */
  onChange?(stepIndex: number, pointer?: string): void;
  headingLevel?: 2 | 3;
}) {
  const { t, locale } = useI18n();
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div className="answer-list">
      {props.groups.map((group) => {
        const title = localized(group.title, locale) || t('form.step.untitled');
        return (
          <section key={group.stepIndex} aria-labelledby={`answers-${group.stepIndex}`}>
            <div className="answer-group-header">
              <Heading id={`answers-${group.stepIndex}`}>{title}</Heading>
              {props.onChange ? (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => props.onChange?.(group.stepIndex)}
                  aria-label={t('form.check.changeStep', { step: title })}
                >
                  {t('form.check.change')}
                </button>
              ) : null}
            </div>
            <dl className="answer-rows">
              {group.rows.map((row) => (
                <AnswerRowView
                  key={row.pointer}
                  row={row}
                  applicationId={props.applicationId}
                  onChange={
                    props.onChange && (() => props.onChange?.(group.stepIndex, row.pointer))
                  }
                />
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

function AnswerRowView(props: { row: AnswerRow; applicationId: string; onChange?(): void }) {
  const { t } = useI18n();
  const { row } = props;
  const label = row.label.join(' · ');
  return (
    <div className="answer-row">
      <dt>{label}</dt>
      <dd>
        {row.files && row.files.length > 0 ? (
          <ul className="answer-files">
            {row.files.map((file) => (
              <li key={file.id}>
                <a href={attachmentUrl(props.applicationId, file.id)}>{file.name}</a>
              </li>
            ))}
          </ul>
        ) : (
          row.value
        )}
      </dd>
      {props.onChange ? (
        <dd className="answer-change">
          <button
            type="button"
            className="button-link"
            onClick={props.onChange}
            aria-label={t('form.check.changeField', { field: label })}
          >
            {t('form.check.change')}
          </button>
        </dd>
      ) : null}
    </div>
  );
}
