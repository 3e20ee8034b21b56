import { type FormEvent, useState } from 'react';
import { apiPost } from '../../api/api-client';
import { CaptchaField, useCaptcha } from '../../app/captcha-field';
import { ErrorSummary, type FieldProblem } from '../../app/error-summary';
import { Link } from '../../app/router';
import type { LoginAnswer } from '../../app/session';
import { asApiError } from '../../app/use-api-data';
import { useI18n } from '../../i18n/i18n';
import { CredentialFields, missingCredentials, useCredentials } from './credential-fields';
import { loginProblem } from './login-problem';

/** 普通登录: username, password and the captcha. */
export function PasswordLoginForm({ onLoggedIn }: { onLoggedIn(answer: LoginAnswer): void }) {
  const { t } = useI18n();
  const captcha = useCaptcha();
  const credentials = useCredentials();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields();
    if (missing.length > 0) return setProblems(missing);
    setBusy(true);
    try {
      const { username, password } = credentials;
      const body = { username: username.trim(), password, ...captcha.fields() };
      onLoggedIn(await apiPost<LoginAnswer>('/api/auth/login', body));
    } catch (error) {
      const problem = loginProblem(asApiError(error), t);
      setProblems([{ fieldId: problem.field === 'captcha' ? 'login-captcha' : '', ...problem }]);
      captcha.refresh();
      setBusy(false);
    }
  };

  const missingFields = (): FieldProblem[] => {
    const found = missingCredentials(credentials, 'login', t);
    if (!captcha.answer.trim()) {
      found.push({ fieldId: 'login-captcha', message: t('login.missing.captcha') });
    }
    return found;
  };
  const errorOf = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.message;

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('login.tab.password')}>
      <ErrorSummary problems={problems} />
      <CredentialFields prefix="login" credentials={credentials} errorOf={errorOf} />
      <CaptchaField id="login-captcha" captcha={captcha} error={errorOf('login-captcha')} />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={busy}>
          {t('login.submit')}
        </button>
        <Link to="/recovery">{t('login.forgotPassword')}</Link>
        <Link to="/register">{t('login.registerNow')}</Link>
      </div>
    </form>
  );
}
