import { type MessageKey, localized, useI18n } from '../i18n/i18n';
import type { HistoryEntry } from './desk-application';
import { formatOfficeDateTime } from './office-time';

const actorKeys: Record<string, MessageKey> = {
  applicant: 'desk.actor.applicant',
  officer: 'desk.actor.officer',
  admin: 'desk.actor.admin',
  system: 'desk.actor.system',
};

/**
 * How the application got where it is, oldest first: when, what happened, the status it led
 * to, who acted, and the comment and fields to correct that came with it.
 */
export function HistoryTimeline(props: {
  history: HistoryEntry[];
  fieldTitle(pointer: string): string;
}) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="desk-history-title">
      <h2 id="desk-history-title">{t('desk.application.history')}</h2>
      {props.history.length === 0 ? (
        <p>{t('desk.application.noHistory')}</p>
      ) : (
        <ol className="timeline">
          {props.history.map((entry) => (
            <li key={entry.seq} className="timeline-entry">
              <p className="timeline-head">
                <time dateTime={entry.at}>{formatOfficeDateTime(entry.at, locale)}</time>{' '}
                <strong>{localized(entry.eventLabel, locale)}</strong>{' '}
                <span className="timeline-to">
                  {t('desk.history.to', { status: localized(entry.toLabel, locale) })}
                </span>
              </p>
              <p className="timeline-actor">
                {t(actorKeys[entry.actorKind] ?? 'desk.actor.system')}
                {entry.actorRoles &&
                  entry.actorRoles.length > 0 &&
                  ` (${entry.actorRoles.join(', ')})`}
              </p>
              {entry.comment && (
                <p className="timeline-comment">
                  {t('desk.history.comment')}
                  {entry.comment}
                </p>
              )}
              {entry.corrections && entry.corrections.length > 0 && (
                <ul className="timeline-corrections">
                  {entry.corrections.map((item) => (
                    <li key={item.pointer}>
                      {t('desk.history.correction', {
                        field: props.fieldTitle(item.pointer),
                        reason: item.reason,
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
