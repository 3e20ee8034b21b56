import { type FormEvent, useState } from 'react';
import { type ApiError, apiPost } from '../../api/api-client';
import { CaptchaField, useCaptcha } from '../../app/captcha-field';
import { ErrorSummary, type FieldProblem } from '../../app/error-summary';
import { Link, navigate } from '../../app/router';
import { TextField } from '../../app/text-field';
import { asApiError } from '../../app/use-api-data';
import { type Translate, useI18n } from '../../i18n/i18n';
import {
  type ApplicantKind,
  type RegistrationField,
  fieldIdOf,
  registrationBody,
  registrationFields,
} from './registration-fields';

const captchaId = 'register-captcha';

/**
 * 注册 (manual 1.1): an individual or an enterprise; starred fields are required. The portal
 * checks everything at once, and every bad field shows next to itself and in the summary at the
 * top. After it, the person logs in.
 */
export function RegisterPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const kind: ApplicantKind = query.get('kind') === 'enterprise' ? 'enterprise' : 'individual';
  const captcha = useCaptcha();
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);
  const fields = registrationFields(kind);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const mismatch = passwordMismatch(values, t);
    if (mismatch.length > 0) {
      setProblems(sortedProblems([...missingFields(fields, values, t), ...mismatch], fields));
      return;
    }
    setBusy(true);
    try {
      const body = { ...registrationBody(kind, values), ...captcha.fields() };
      await apiPost('/api/auth/register', body);
      setRegistered((values['/username'] ?? '').trim());
    } catch (error) {
      setProblems(sortedProblems(problemsOf(asApiError(error), fields), fields));
      captcha.refresh();
    } finally {
      setBusy(false);
    }
  };

  if (registered) return <Registered username={registered} />;
  const setValue = (pointer: string) => (value: string) =>
    setValues((current) => ({ ...current, [pointer]: value }));
  const errorOf = (id: string) => problems.find((p) => p.fieldId === id)?.message;

  return (
    <section className="page page-narrow">
      <h1>{t('register.title')}</h1>
      <p className="lead">{t('register.intro')}</p>
      <KindChoice kind={kind} />
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-labelledby="register-kind-title"
      >
        <ErrorSummary problems={problems} />
        <h2 id="register-kind-title">
          {t(kind === 'enterprise' ? 'register.kind.enterprise' : 'register.kind.individual')}
        </h2>
        {fields.map((field) => (
          <FieldInput
            key={field.pointer}
            field={field}
            value={values[field.pointer] ?? ''}
            onChange={setValue(field.pointer)}
            error={errorOf(fieldIdOf(field.pointer))}
          />
        ))}
        <CaptchaField id={captchaId} captcha={captcha} error={errorOf(captchaId)} />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('register.submit')}
          </button>
          <Link to="/login">{t('register.haveAccount')}</Link>
        </div>
      </form>
    </section>
  );
}

function KindChoice({ kind }: { kind: ApplicantKind }) {
  const { t } = useI18n();
  const choose = (next: ApplicantKind) => navigate(`/register?kind=${next}`, { replace: true });
  return (
    <fieldset className="field">
      <legend>{t('register.kind')}</legend>
      {(['individual', 'enterprise'] as const).map((option) => (
        <div className="choice" key={option}>
          <input
            type="radio"
            id={`register-kind-${option}`}
            name="register-kind"
            checked={kind === option}
            onChange={() => choose(option)}
          />
          <label htmlFor={`register-kind-${option}`}>{t(`register.kind.${option}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

function FieldInput(props: {
  field: RegistrationField;
  value: string;
  onChange(value: string): void;
  error?: string;
}) {
  const { t } = useI18n();
  const { field } = props;
  return (
    <TextField
      id={fieldIdOf(field.pointer)}
      label={t(field.label)}
      value={props.value}
      onChange={props.onChange}
      required={field.required}
      type={field.type}
      autoComplete={field.autoComplete}
      inputMode={field.inputMode}
      hint={field.hint ? t(field.hint) : undefined}
      error={props.error}
    />
  );
}

function Registered({ username }: { username: string }) {
  const { t } = useI18n();
  return (
    <section className="page page-narrow">
      <div className="notice notice-success" role="status">
        <h1>{t('register.done.title')}</h1>
        <p>{t('register.done.text', { username })}</p>
      </div>
      <p>
        <Link to="/login" className="button-primary">
          {t('register.done.login')}
        </Link>
      </p>
    </section>
  );
}

/** The second password must equal the first; the portal never sees the second. */
function passwordMismatch(values: Record<string, string>, t: Translate): FieldProblem[] {
  if ((values['/password'] ?? '') === (values['/passwordAgain'] ?? '')) return [];
  return [{ fieldId: fieldIdOf('/passwordAgain'), message: t('register.passwordMismatch') }];
}

function missingFields(
  fields: RegistrationField[],
  values: Record<string, string>,
  t: Translate,
): FieldProblem[] {
  return fields
    .filter((field) => field.required && !(values[field.pointer] ?? '').trim())
    .map((field) => ({
      fieldId: fieldIdOf(field.pointer),
      message: t('register.missing', { field: t(field.label) }),
    }));
}

/** Each detail at its field; one the form has no field for (or no detail) for the whole form. */
function problemsOf(error: ApiError, fields: RegistrationField[]): FieldProblem[] {
  if (error.details.length === 0) return [{ fieldId: '', message: error.message }];
  const known = new Set(fields.map((field) => fieldIdOf(field.pointer)));
  return error.details.map((detail) => {
    const fieldId = detail.pointer.startsWith('/captcha') ? captchaId : fieldIdOf(detail.pointer);
    return {
      fieldId: known.has(fieldId) || fieldId === captchaId ? fieldId : '',
      message: detail.message,
    };
  });
}

/** In the order of the form, the problems of the form as a whole first. */
function sortedProblems(problems: FieldProblem[], fields: RegistrationField[]): FieldProblem[] {
  const order = [...fields.map((field) => fieldIdOf(field.pointer)), captchaId];
  const rank = (p: FieldProblem) =>
    p.fieldId ? order.indexOf(p.fieldId) + 1 || order.length + 1 : 0;
  return [...problems].sort((a, b) => rank(a) - rank(b));
}
