import { type FormEvent, useState } from 'react';
import type { ApiError } from '../api/api-client';
import { ErrorSummary, type FieldProblem } from '../app/error-summary';
import { type MessageKey, type Translate, localized, useI18n } from '../i18n/i18n';
import type { DefinitionText, DeskAction } from './desk-application';
import {
  type EventDraft,
  type EventProblem,
  type EventRequest,
  buildEventRequest,
} from './event-request';
import { ModalDialog } from './modal-dialog';

export interface CorrectableField {
  pointer: string;
  title: string;
  step: DefinitionText | null;
}

export interface EventDialogProps {
  action: DeskAction;
  version: number;
  fields: CorrectableField[];
  /** Sends the event; resolves with the API's refusal, or null once it is taken. */
  send(request: EventRequest): Promise<ApiError | null>;
  onClose(): void;
}

/** Each problem's words at the top (naming the field) and on the input itself. */
const problemMessages: Record<EventProblem['code'], { summary: MessageKey; inline: MessageKey }> = {
  comment_required: {
    summary: 'desk.dialog.commentRequired',
    inline: 'desk.dialog.commentRequired',
  },
  corrections_required: {
    summary: 'desk.dialog.correctionsRequired',
    inline: 'desk.dialog.correctionsRequired',
  },
  reason_required: {
    summary: 'desk.dialog.reasonRequiredFor',
    inline: 'desk.dialog.reasonRequired',
  },
};

/**
 * The dialog of an action that asks for something: a comment box (starred when required) and,
 * for a correction request, the form's fields to tick, each with a reason. Problems are shown
 * at the top and on their inputs, both from the check before sending and from the API's 422.
 */
export function EventDialog({ action, version, fields, send, onClose }: EventDialogProps) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<EventDraft>({ comment: '', corrections: [] });
  const [problems, setProblems] = useState<EventProblem[]>([]);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);
  const label = localized(action.label, locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildEventRequest(action, version, draft);
    setProblems(built.ok ? [] : built.problems);
    setRefusal(null);
    if (!built.ok) return;
    setSending(true);
    const refused = await send(built.request);
    setSending(false);
    if (refused) {
      setRefusal(refused);
      setProblems(problemsFromApi(refused));
    }
  };

  const summary = summaryOf(problems, refusal, fields, t);
  return (
    <ModalDialog title={label} onClose={onClose} className="desk-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary problems={summary} />
        {action.payload.comment !== undefined && (
          <CommentField
            required={action.payload.comment === 'required'}
            value={draft.comment}
            error={messageFor(problems, 'comment', t)}
            onChange={(comment) => setDraft({ ...draft, comment })}
          />
        )}
        {action.payload.corrections !== undefined && (
          <CorrectionPicker
            fields={fields}
            required={action.payload.corrections === 'required'}
            draft={draft}
            problems={problems}
            onChange={(corrections) => setDraft({ ...draft, corrections })}
          />
        )}
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={sending}>
            {t('desk.dialog.confirm', { action: label })}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

function CommentField(props: {
  required: boolean;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor="event-comment">
        {t('desk.dialog.comment')}
        {props.required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {props.error && (
        <span className="field-error" id="event-comment-error">
          {props.error}
        </span>
      )}
      <textarea
        id="event-comment"
        data-autofocus
        rows={4}
        maxLength={4000}
        value={props.value}
        aria-required={props.required || undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? 'event-comment-error' : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

function CorrectionPicker(props: {
  fields: CorrectableField[];
  required: boolean;
  draft: EventDraft;
  problems: EventProblem[];
  onChange(corrections: EventDraft['corrections']): void;
}) {
  const { t, locale } = useI18n();
  const { corrections } = props.draft;
  const error = messageFor(props.problems, 'corrections', t);
  const picked = (pointer: string) => corrections.find((c) => c.pointer === pointer);
  const toggle = (pointer: string, on: boolean) =>
    props.onChange(
      on
        ? [...corrections, { pointer, reason: '' }]
        : corrections.filter((c) => c.pointer !== pointer),
    );
  const setReason = (pointer: string, reason: string) =>
    props.onChange(corrections.map((c) => (c.pointer === pointer ? { ...c, reason } : c)));

  return (
    <fieldset
      id="event-corrections"
      className={error ? 'field field-invalid correction-picker' : 'field correction-picker'}
      aria-describedby={error ? 'event-corrections-error' : 'event-corrections-hint'}
    >
      <legend>
        {t('desk.dialog.corrections')}
        {props.required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </legend>
      <span className="hint" id="event-corrections-hint">
        {t('desk.dialog.correctionsHint')}
      </span>
      {error && (
        <span className="field-error" id="event-corrections-error">
          {error}
        </span>
      )}
      <ul className="correction-fields">
        {props.fields.map((field, index) => {
          const chosen = picked(field.pointer);
          const reasonError = messageFor(props.problems, `reason:${field.pointer}`, t);
          const id = `correction-${index}`;
          return (
            <li key={field.pointer}>
              <div className="choice">
                <input
                  type="checkbox"
                  id={id}
                  checked={chosen !== undefined}
                  onChange={(event) => toggle(field.pointer, event.target.checked)}
                />
                <label htmlFor={id}>
                  {field.title}
                  {field.step !== null && (
                    <span className="correction-step">{localized(field.step, locale)}</span>
                  )}
                </label>
              </div>
              {chosen && (
                <div className={reasonError ? 'field field-invalid' : 'field'}>
                  <label htmlFor={`${id}-reason`}>
                    {t('desk.dialog.reason', { field: field.title })}
                  </label>
                  {reasonError && (
                    <span className="field-error" id={`${id}-reason-error`}>
                      {reasonError}
                    </span>
                  )}
                  <input
                    type="text"
                    id={`${id}-reason`}
                    maxLength={1000}
                    value={chosen.reason}
                    aria-required
                    aria-invalid={reasonError ? true : undefined}
                    aria-describedby={reasonError ? `${id}-reason-error` : undefined}
                    onChange={(event) => setReason(field.pointer, event.target.value)}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** A 422 names `/comment` or `/corrections`; anything else is shown as the API words it. */
function problemsFromApi(error: ApiError): EventProblem[] {
  return error.details.flatMap((detail): EventProblem[] => {
    if (detail.pointer === '/comment') return [{ place: 'comment', code: 'comment_required' }];
    if (detail.pointer === '/corrections') {
      return [{ place: 'corrections', code: 'corrections_required' }];
    }
    return [];
  });
}

function summaryOf(
  problems: EventProblem[],
  refusal: ApiError | null,
  fields: CorrectableField[],
  t: Translate,
): FieldProblem[] {
  const listed = problems.map((problem) => ({
    fieldId: inputIdOf(problem.place, fields),
    message: t(problemMessages[problem.code].summary, {
      field: fieldTitle(problem.place, fields),
    }),
  }));
  if (refusal && listed.length === 0) return [{ fieldId: '', message: refusal.message }];
  return listed;
}

function messageFor(problems: EventProblem[], place: string, t: Translate): string | undefined {
  const problem = problems.find((candidate) => candidate.place === place);
  return problem && t(problemMessages[problem.code].inline);
}

function inputIdOf(place: string, fields: CorrectableField[]): string {
  if (place === 'comment') return 'event-comment';
  if (place === 'corrections') return fields.length > 0 ? 'correction-0' : '';
  const index = fields.findIndex((field) => `reason:${field.pointer}` === place);
  return index >= 0 ? `correction-${index}-reason` : '';
}

function fieldTitle(place: string, fields: CorrectableField[]): string {
  return fields.find((field) => `reason:${field.pointer}` === place)?.title ?? '';
}
