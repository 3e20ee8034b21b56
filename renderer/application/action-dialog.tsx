import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-client';
import { localized, useI18n } from '../i18n/i18n';
import {
  type ApplicationAction,
  type ApplicationDetail,
  sendApplicationEvent,
} from './application-api';

/**
 * Asks before sending an event such as 撤回 (withdraw): a modal dialog naming the action, with
 * a comment box when the transition takes one (required or optional, as the workflow says).
 * The browser's modal dialog keeps the focus inside and closes on Escape.
 */
export function ActionDialog(props: {
  application: ApplicationDetail;
  action: ApplicationAction;
  onDone(updated: ApplicationDetail): void;
  onCancel(): void;
}) {
  const { t, locale } = useI18n();
  const { action } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const label = localized(action.label, locale);
  const commentMode = action.payload.comment;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (commentMode === 'required' && comment.trim() === '') {
      setProblem(t('form.detail.dialog.commentRequired'));
      return;
    }
    setSending(true);
    try {
      const updated = await sendApplicationEvent(props.application.id, {
        type: action.type,
        version: props.application.version,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      props.onDone(updated);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
      setSending(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="action-dialog-title"
      onCancel={props.onCancel}
    >
      <form onSubmit={send}>
        <h2 id="action-dialog-title">{label}</h2>
        <p>{t('form.detail.dialog.confirm', { action: label })}</p>
        {commentMode ? (
          <div className="field">
            <label htmlFor="action-comment">
              {t('form.detail.dialog.comment')}
              {commentMode === 'required' ? <span className="required-mark"> *</span> : null}
            </label>
            <textarea
              id="action-comment"
              rows={4}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              aria-describedby={problem ? 'action-problem' : undefined}
            />
          </div>
        ) : null}
        {problem ? (
          <p id="action-problem" className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={sending}>
            {t('form.detail.dialog.confirmButton', { action: label })}
          </button>
          <button type="button" className="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
