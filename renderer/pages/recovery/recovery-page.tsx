import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { type ApiError, apiPost } from '../../api/api-client';
import { CaptchaField, useCaptcha } from '../../app/captcha-field';
import { ErrorSummary, type FieldProblem } from '../../app/error-summary';
import { LiveNotice } from '../../app/live-notice';
import { Link } from '../../app/router';
import { TextField } from '../../app/text-field';
import { asApiError } from '../../app/use-api-data';
import { type Translate, useI18n } from '../../i18n/i18n';
import {
  type RecoveryChannel,
  type RecoveryStep,
  recoveryOver,
  recoveryStepCount,
  stepNumber,
} from './recovery-steps';

type Go = (next: RecoveryStep) => void;

/**
 * 忘记密码 in steps: username and captcha → phone or e-mail (masked) → the code sent there → a
 * new password, twice → done. The way back to the login page is there at every step, and a code
 * that does not arrive can be asked for by the other channel.
 */
export function RecoveryPage() {
  const { t } = useI18n();
  const [state, setState] = useState<RecoveryStep>({ step: 'account' });
  return (
    <section className="page page-narrow">
      <h1>{t('recovery.title')}</h1>
      <StepHeading state={state} />
      {state.step === 'account' && state.notice && (
        <div className="notice notice-warning" role="alert">
          <p>{state.notice}</p>
        </div>
      )}
      {state.step === 'account' && <AccountStep go={setState} />}
      {state.step === 'channel' && <ChannelStep state={state} go={setState} />}
      {state.step === 'code' && <CodeStep state={state} go={setState} />}
      {state.step === 'password' && <PasswordStep state={state} go={setState} />}
      {state.step === 'done' ? (
        <p>
          <Link to="/login" className="button-primary">
            {t('recovery.done.login')}
          </Link>
        </p>
      ) : (
        <p className="step-footer">
          <Link to="/login">{t('recovery.backToLogin')}</Link>
        </p>
      )}
    </section>
  );
}

/** "Step n of 4: …", focused on each new step so a screen reader says where the person is. */
function StepHeading({ state }: { state: RecoveryStep }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [state.step]);
  const number = stepNumber(state.step);
  return (
    <h2 ref={heading} tabIndex={-1}>
      {state.step !== 'done' && (
        <span className="step-count">
          {t('recovery.stepOf', { number, count: recoveryStepCount })}
        </span>
      )}
      {t(`recovery.step.${state.step}`)}
    </h2>
  );
}

function AccountStep({ go }: { go: Go }) {
  const { t } = useI18n();
  const captcha = useCaptcha();
  const [username, setUsername] = useState('');
  const form = useStepForm();
  const submit = form.run(
    () =>
      username.trim()
        ? []
        : [{ fieldId: 'recovery-username', message: t('login.missing.username') }],
    async () => {
      const body = { username: username.trim(), ...captcha.fields() };
      const started = await apiPost<{ recoveryId: string; channels: RecoveryChannel[] }>(
        '/api/auth/recovery',
        body,
      );
      go({ step: 'channel', ...started });
    },
    (error) => {
      captcha.refresh();
      if (error.code === 'captcha_invalid')
        return { fieldId: 'recovery-captcha', message: error.message };
      if (error.code === 'account_not_found')
        return { fieldId: 'recovery-username', message: error.message };
      return null;
    },
  );
  return (
    <StepForm form={form} submit={submit} button={t('common.next')}>
      <TextField
        id="recovery-username"
        label={t('login.username')}
        value={username}
        onChange={setUsername}
        required
        autoComplete="username"
        error={form.errorOf('recovery-username')}
      />
      <CaptchaField
        id="recovery-captcha"
        captcha={captcha}
        error={form.errorOf('recovery-captcha')}
      />
    </StepForm>
  );
}

function ChannelStep(props: { state: Extract<RecoveryStep, { step: 'channel' }>; go: Go }) {
  const { t } = useI18n();
  const { state, go } = props;
  const [chosen, setChosen] = useState<RecoveryChannel['channel'] | null>(
    state.preferred ?? state.channels[0]?.channel ?? null,
  );
  const form = useStepForm();
  const channel = state.channels.find((c) => c.channel === chosen);
  const submit = form.run(
    () =>
      channel ? [] : [{ fieldId: 'recovery-channel-sms', message: t('recovery.channel.missing') }],
    async () => {
      await apiPost(`/api/auth/recovery/${state.recoveryId}/code`, { channel: chosen });
      go({
        step: 'code',
        recoveryId: state.recoveryId,
        channel: channel!,
        channels: state.channels,
      });
    },
    (error) => overOrMessage(error, t, go),
  );
  if (state.channels.length === 0) return <p>{t('recovery.channel.none')}</p>;
  return (
    <StepForm form={form} submit={submit} button={t('recovery.channel.send')}>
      <fieldset className="field">
        <legend>{t('recovery.channel.legend')}</legend>
        {state.channels.map((option) => (
          <div className="choice" key={option.channel}>
            <input
              type="radio"
              id={`recovery-channel-${option.channel}`}
              name="recovery-channel"
              checked={chosen === option.channel}
              onChange={() => setChosen(option.channel)}
            />
            <label htmlFor={`recovery-channel-${option.channel}`}>
              {t(`recovery.channel.${option.channel}`, { masked: option.masked })}
            </label>
          </div>
        ))}
      </fieldset>
    </StepForm>
  );
}

function CodeStep(props: { state: Extract<RecoveryStep, { step: 'code' }>; go: Go }) {
  const { t } = useI18n();
  const { state, go } = props;
  const [code, setCode] = useState('');
  const [resent, setResent] = useState(false);
  const form = useStepForm();
  const submit = form.run(
    () =>
      /^\d{6}$/.test(code.trim())
        ? []
        : [{ fieldId: 'recovery-code', message: t('recovery.code.format') }],
    async () => {
      const path = `/api/auth/recovery/${state.recoveryId}/verify`;
      const { resetToken } = await apiPost<{ resetToken: string }>(path, { code: code.trim() });
      go({ step: 'password', resetToken });
    },
    (error) => {
      if (error.code === 'code_invalid' || error.code === 'code_expired') {
        return { fieldId: 'recovery-code', message: error.message };
      }
      return overOrMessage(error, t, go);
    },
  );
  const resend = form.run(
    () => [],
    async () => {
      await apiPost(`/api/auth/recovery/${state.recoveryId}/code`, {
        channel: state.channel.channel,
      });
      setResent(true);
    },
    (error) => overOrMessage(error, t, go),
  );
  // Back to the choice with another channel picked; that step sends the code.
  const otherChannel = () => {
    const other = state.channels.find((c) => c.channel !== state.channel.channel);
    const { recoveryId, channels } = state;
    go({ step: 'channel', recoveryId, channels, preferred: other?.channel });
  };
  return (
    <StepForm form={form} submit={submit} button={t('common.next')}>
      <p role="status">
        {t(`recovery.code.sent.${state.channel.channel}`, { masked: state.channel.masked })}
      </p>
      <LiveNotice>{resent && t('recovery.code.resent')}</LiveNotice>
      <TextField
        id="recovery-code"
        label={t('recovery.code.label')}
        value={code}
        onChange={setCode}
        required
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        hint={t('recovery.code.hint')}
        error={form.errorOf('recovery-code')}
      />
      <p>
        <button type="button" className="button-link" onClick={(event) => void resend(event)}>
          {t('recovery.code.resend')}
        </button>
        {state.channels.length > 1 && (
          <button type="button" className="button-link" onClick={otherChannel}>
            {t('recovery.code.otherChannel')}
          </button>
        )}
      </p>
    </StepForm>
  );
}

function PasswordStep(props: { state: Extract<RecoveryStep, { step: 'password' }>; go: Go }) {
  const { t } = useI18n();
  const { state, go } = props;
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const form = useStepForm();
  const submit = form.run(
    () => {
      if (!password)
        return [{ fieldId: 'recovery-password', message: t('login.missing.password') }];
      if (password !== again)
        return [{ fieldId: 'recovery-password-again', message: t('register.passwordMismatch') }];
      return [];
    },
    async () => {
      await apiPost('/api/auth/recovery/reset', {
        resetToken: state.resetToken,
        newPassword: password,
      });
      go({ step: 'done' });
    },
    (error) => {
      const detail = error.details.find((d) => d.pointer === '/newPassword');
      if (detail) return { fieldId: 'recovery-password', message: detail.message };
      return overOrMessage(error, t, go);
    },
  );
  return (
    <StepForm form={form} submit={submit} button={t('recovery.password.submit')}>
      <TextField
        id="recovery-password"
        label={t('recovery.password.new')}
        type="password"
        value={password}
        onChange={setPassword}
        required
        autoComplete="new-password"
        hint={t('register.passwordHint')}
        error={form.errorOf('recovery-password')}
      />
      <TextField
        id="recovery-password-again"
        label={t('register.passwordAgain')}
        type="password"
        value={again}
        onChange={setAgain}
        required
        autoComplete="new-password"
        error={form.errorOf('recovery-password-again')}
      />
    </StepForm>
  );
}

/** A recovery that cannot go on starts again (saying why); other errors stay on the step. */
function overOrMessage(error: ApiError, t: Translate, go: Go): FieldProblem | null {
  if (!recoveryOver.has(error.code)) return null;
  go({ step: 'account', notice: `${error.message} ${t('recovery.restart')}` });
  return null;
}

interface StepFormState {
  problems: FieldProblem[];
  busy: boolean;
  errorOf(fieldId: string): string | undefined;
  /**
   * A submit handler: local checks first (problems stop it), then the request; a failure
   * becomes the problem `placed` returns, or the error's message for the whole step.
   */
  run(
    check: () => FieldProblem[],
    request: () => Promise<void>,
    placed: (error: ApiError) => FieldProblem | null,
  ): (event: { preventDefault(): void }) => Promise<void>;
}

function useStepForm(): StepFormState {
  const { t } = useI18n();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  return {
    problems,
    busy,
    errorOf: (fieldId) => problems.find((p) => p.fieldId === fieldId)?.message,
    run: (check, request, placed) => async (event) => {
      event.preventDefault();
      const found = check();
      setProblems(found);
      if (found.length > 0) return;
      setBusy(true);
      try {
        await request();
      } catch (error) {
        const apiError = asApiError(error);
        const problem = placed(apiError) ?? { fieldId: '', message: waitMessage(apiError, t) };
        setProblems([problem]);
        setBusy(false);
      }
    },
  };
}

function waitMessage(error: ApiError, t: Translate): string {
  if (error.code === 'code_throttled' && error.retryAfterSeconds) {
    return t('recovery.code.throttled', { seconds: error.retryAfterSeconds });
  }
  return error.status === 0 ? t('shell.error.network') : error.message;
}

function StepForm(props: {
  form: StepFormState;
  submit: (event: FormEvent) => Promise<void>;
  button: string;
  children: ReactNode;
}) {
  const { form, submit, button, children } = props;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary problems={form.problems} />
      {children}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={form.busy}>
          {button}
        </button>
      </div>
    </form>
  );
}
