import { useRef, useState } from 'react';
import { apiPost } from '../../api/api-client';
import { Link } from '../../app/router';
import { asApiError, useApiData } from '../../app/use-api-data';
import { localized, useI18n } from '../../i18n/i18n';
import { type ApplicantAction, type ApplicationRow, editable } from './workstation-types';

/**
 * What the applicant may do with one application: view it, go on filling the form in while it
 * is a draft or a correction is asked, and each other event the API lists as open now
 * (withdraw, say), confirmed in a dialog first, with a comment when the event takes one.
 */
export function ApplicationRowActions(props: { row: ApplicationRow; changed(): void }) {
  const { t, locale } = useI18n();
  const { row } = props;
  const detail = useApiData<{ actions: ApplicantAction[] }>(`/api/applications/${row.id}`);
  const events = (detail.data?.actions ?? []).filter((action) => !action.validateForm);
  const title = localized(row.matterTitle, locale);
  return (
    <ul className="row-actions">
      <li>
        <Link to={`/applications/${row.id}`} aria-label={t('workstation.viewOf', { title })}>
          {t('workstation.view')}
        </Link>
      </li>
      {editable(row.category) && (
        <li>
          <Link
            to={`/applications/${row.id}/form`}
            aria-label={t('workstation.continueOf', { title })}
          >
            {t(row.category === 'correction' ? 'workstation.correct' : 'workstation.continue')}
          </Link>
        </li>
      )}
      {events.map((action) => (
        <li key={action.type}>
          <EventButton row={row} action={action} changed={props.changed} />
        </li>
      ))}
    </ul>
  );
}

function EventButton(props: { row: ApplicationRow; action: ApplicantAction; changed(): void }) {
  const { t, locale } = useI18n();
  const { row, action } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = localized(action.label, locale);
  const commentAsked = action.payload.comment !== undefined;
  const commentRequired = action.payload.comment === 'required';

  const send = async () => {
    if (commentRequired && !comment.trim()) return setError(t('workstation.commentMissing'));
    setBusy(true);
    try {
      const body = {
        type: action.type,
        version: row.version,
        ...(comment.trim() ? { comment } : {}),
      };
      await apiPost(`/api/applications/${row.id}/events`, body);
      dialog.current?.close();
      props.changed();
    } catch (failure) {
      setError(asApiError(failure).message);
    } finally {
      setBusy(false);
    }
  };
  const dialogId = `event-${row.id}-${action.type}`;
  return (
    <>
      <button type="button" className="button-link" onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${dialogId}-title`}>
        <h2 id={`${dialogId}-title`}>{t('workstation.confirmTitle', { action: label })}</h2>
        <p>
          {t('workstation.confirmText', {
            action: label,
            reference: row.reference,
            title: localized(row.matterTitle, locale),
          })}
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {commentAsked && (
          <div className="field">
            <label htmlFor={`${dialogId}-comment`}>
              {t('workstation.comment')}
              {commentRequired && (
                <span className="required-mark" aria-hidden="true">
                  *
                </span>
              )}
            </label>
            <textarea
              id={`${dialogId}-comment`}
              value={comment}
              aria-required={commentRequired || undefined}
              onChange={(event) => setComment(event.target.value)}
            />
          </div>
        )}
        <div className="button-row">
          <button
            type="button"
            className="button-danger"
            disabled={busy}
            onClick={() => void send()}
          >
            {label}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}
