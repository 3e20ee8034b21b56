import { type FormEvent, useState } from 'react';
import type { ApiError } from '../../api/api-client';
import { LiveNotice } from '../../app/live-notice';
import { TextField } from '../../app/text-field';
import { asApiError } from '../../app/use-api-data';
import { type MessageKey, type Translate, useI18n } from '../../i18n/i18n';

/** One input of a settings form, named by the JSON pointer the API reports its problems at. */
export interface SettingsField {
  pointer: string;
  label: MessageKey;
  type: 'password' | 'tel' | 'email';
  autoComplete: string;
  hint?: MessageKey;
  /** A field the page checks against another and never sends (the new password, again). */
  sameAs?: string;
}

export type SettingsValues = Record<string, string>;

export interface SettingsFormProps {
  /** Prefix of the ids of the form, its heading and its inputs. */
  id: string;
  title: MessageKey;
  intro?: MessageKey;
  fields: SettingsField[];
  initialValues?: SettingsValues;
  submit: MessageKey;
  /** Sends the body (by property name); rejects with an ApiError. */
  send(body: Record<string, string>): Promise<void>;
  /** The status line once saved. */
  done: MessageKey;
}

interface Outcome {
  /** Field problems by pointer. */
  problems: Record<string, string>;
  /** The status line: what happened to the form as a whole. */
  status: { ok: boolean; text: string } | null;
}

const noOutcome: Outcome = { problems: {}, status: null };

/**
 * A settings form of the account page: starred fields, the page's own checks (missing fields,
 * a repeated password that differs), then the API's problems next to their fields, and a status
 * line that says whether it was saved. Focus goes to the first field in error; once saved, the
 * password fields are emptied.
 */
export function SettingsForm(props: SettingsFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<SettingsValues>(props.initialValues ?? {});
  const [outcome, setOutcome] = useState<Outcome>(noOutcome);
  const [busy, setBusy] = useState(false);
  const fieldId = (pointer: string) => `${props.id}${pointer.replace(/\//g, '-')}`;

  const show = (next: Outcome) => {
    setOutcome(next);
    const first = props.fields.find((field) => next.problems[field.pointer]);
    if (first) document.getElementById(fieldId(first.pointer))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = localProblems(props.fields, values, t);
    if (Object.keys(problems).length > 0) return show(failed(problems, t));
    setBusy(true);
    try {
      await props.send(bodyOf(props.fields, values));
      setValues(withoutPasswords(props.fields, values));
      show({ problems: {}, status: { ok: true, text: t(props.done) } });
    } catch (error) {
      show(refused(asApiError(error), props.fields, t));
    } finally {
      setBusy(false);
    }
  };

  const titleId = `${props.id}-title`;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{t(props.title)}</h2>
      {props.intro && <p className="hint">{t(props.intro)}</p>}
      {props.fields.map((field) => (
        <TextField
          key={field.pointer}
          id={fieldId(field.pointer)}
          label={t(field.label)}
          type={field.type}
          value={values[field.pointer] ?? ''}
          onChange={(value) => setValues((current) => ({ ...current, [field.pointer]: value }))}
          required
          autoComplete={field.autoComplete}
          hint={field.hint && t(field.hint)}
          error={outcome.problems[field.pointer]}
        />
      ))}
      <LiveNotice className={outcome.status?.ok ? 'notice notice-success' : 'notice notice-error'}>
        {outcome.status?.text}
      </LiveNotice>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={busy}>
          {t(props.submit)}
        </button>
      </div>
    </form>
  );
}

function localProblems(fields: SettingsField[], values: SettingsValues, t: Translate) {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.pointer] ?? '';
    if (!value.trim()) problems[field.pointer] = t('register.missing', { field: t(field.label) });
    else if (field.sameAs && value !== values[field.sameAs]) {
      problems[field.pointer] = t('register.passwordMismatch');
    }
  }
  return problems;
}

/** What the API gets: passwords as typed, other fields trimmed, page-only fields left out. */
function bodyOf(fields: SettingsField[], values: SettingsValues): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of fields) {
    if (field.sameAs) continue;
    const value = values[field.pointer] ?? '';
    body[field.pointer.slice(1)] = field.type === 'password' ? value : value.trim();
  }
  return body;
}

/** Once saved, no password stays in the page. */
function withoutPasswords(fields: SettingsField[], values: SettingsValues): SettingsValues {
  const kept = { ...values };
  for (const field of fields) if (field.type === 'password') delete kept[field.pointer];
  return kept;
}

function failed(problems: Record<string, string>, t: Translate): Outcome {
  return { problems, status: { ok: false, text: t('account.settings.fixFields') } };
}

/** Each detail next to its field (several joined); an error of no field on the status line. */
function refused(error: ApiError, fields: SettingsField[], t: Translate): Outcome {
  const problems: Record<string, string> = {};
  for (const detail of error.details) {
    if (!fields.some((field) => field.pointer === detail.pointer)) continue;
    const before = problems[detail.pointer];
    problems[detail.pointer] = before ? `${before} ${detail.message}` : detail.message;
  }
  if (Object.keys(problems).length > 0) return failed(problems, t);
  const text = error.status === 0 ? t('shell.error.network') : error.message;
  return { problems, status: { ok: false, text } };
}
