import type { MessageKey } from '../i18n/i18n';
import { localized, useI18n } from '../i18n/i18n';
import type { HistoryEntry } from './application-api';

const actorKeys: Record<string, MessageKey> = {
  applicant: 'form.detail.actor.applicant',
  officer: 'form.detail.actor.officer',
  admin: 'form.detail.actor.admin',
  system: 'form.detail.actor.system',
};

/**
 * How the application got where it is, newest first: when, who (the kind of actor: applicants
 * do not see which officer), what happened and the status it led to, with the comment and the
 * fields a correction request named.
 */
export function HistoryTimeline(props: {
  history: readonly HistoryEntry[];
  /** The field a correction names, for people (`住所 · 邮政编码`). */
  labelOf(pointer: string): string;
}) {
  const { history, labelOf } = props;
  const { t, locale } = useI18n();
  if (history.length === 0) return <p>{t('form.detail.history.empty')}</p>;
  const entries = [...history].sort((a, b) => b.seq - a.seq);
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.seq} className="timeline-entry">
          <p className="timeline-head">
            <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(locale)}</time>
            <span className="timeline-actor">
              {t(actorKeys[entry.actorKind] ?? 'form.detail.actor.other')}
            </span>
          </p>
          <p className="timeline-event">
            <strong>{localized(entry.eventLabel, locale)}</strong>
            {entry.from !== null ? (
              <span>
                {t('form.detail.history.toStatus', { status: localized(entry.toLabel, locale) })}
              </span>
            ) : null}
          </p>
          {entry.comment ? (
            <p className="timeline-comment">
              {t('form.detail.history.comment')}
              {entry.comment}
            </p>
          ) : null}
          {entry.corrections && entry.corrections.length > 0 ? (
            <ul className="timeline-corrections" aria-label={t('form.detail.history.corrections')}>
              {entry.corrections.map((item, index) => (
                <li key={index}>
                  <span className="timeline-field">{labelOf(item.pointer)}</span>
                  {t('form.correction.reasonSeparator')}
                  {item.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
