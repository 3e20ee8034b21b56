import { type FormEvent, useState } from 'react';
import { ApiError, apiPost } from '../../api/api-client';
import { ErrorSummary, type FieldProblem } from '../../app/error-summary';
import { LiveNotice } from '../../app/live-notice';
import { Link, navigate } from '../../app/router';
import type { LoginAnswer } from '../../app/session';
import { TextField } from '../../app/text-field';
import { asApiError } from '../../app/use-api-data';
import { type Translate, useI18n } from '../../i18n/i18n';
import { type CertificateToBind, certificateToBind } from './certificate-to-bind';
import { loginProblem } from './login-problem';
import { Pkcs12Error, openPkcs12 } from './pkcs12-signer';

interface Props {
  returnTo: string | null;
  onLoggedIn(answer: LoginAnswer): void;
}

/**
 * CA认证登录: the certificate's PKCS#12 file and its password. The page opens the file, asks the
 * portal for a challenge, signs it with the certificate's key and logs in with the signature
 * and the certificate chain. A certificate used for the first time goes to the bind page.
 */
export function CertificateLoginForm({ returnTo, onLoggedIn }: Props) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const errorOf = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.message;
  const fileError = errorOf('ca-file');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblems([{ fieldId: 'ca-file', message: t('login.ca.missingFile') }]);
      return;
    }
    setProblems([]);
    try {
      setProgress(t('login.ca.opening'));
      const signer = await openPkcs12(await file.arrayBuffer(), password);
      setProgress(t('login.ca.signingAs', { holder: signer.holder, issuer: signer.issuer }));
      const challenge = await apiPost<{ challengeId: string; nonce: string }>(
        '/api/auth/ca/challenge',
      );
      const body = {
        challengeId: challenge.challengeId,
        certificate: signer.chainPem,
        signature: signer.sign(challenge.nonce),
      };
      onLoggedIn(await apiPost<LoginAnswer>('/api/auth/ca/login', body));
    } catch (error) {
      setProgress(null);
      const binding = bindingRequired(error);
      if (!binding) return setProblems([certificateProblem(error, t)]);
      const { token, certificate } = binding;
      navigate(bindPath('certificate', token, returnTo), { state: { certificate } });
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('login.tab.ca')}>
      <ErrorSummary problems={problems} />
      <p className="hint">{t('login.ca.intro')}</p>
      <div className={fileError ? 'field field-invalid' : 'field'}>
        <label htmlFor="ca-file">
          {t('login.ca.file')}
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        </label>
        <span className="hint" id="ca-file-hint">
          {t('login.ca.fileHint')}
        </span>
        {fileError && (
          <span className="field-error" id="ca-file-error">
            <span className="visually-hidden">{t('shell.errorPrefix')}</span>
            {fileError}
          </span>
        )}
        <input
          id="ca-file"
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          aria-required
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? 'ca-file-hint ca-file-error' : 'ca-file-hint'}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <TextField
        id="ca-password"
        label={t('login.ca.password')}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="off"
        error={errorOf('ca-password')}
      />
      <LiveNotice className="notice">{progress}</LiveNotice>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={progress !== null}>
          {t('login.submit')}
        </button>
        <Link to="/downloads?category=drivers">{t('login.ca.downloads')}</Link>
        <Link to="/faq">{t('nav.faq')}</Link>
      </div>
    </form>
  );
}

/** The bind page for an identity seen for the first time. */
export function bindPath(kind: 'certificate' | 'sso', token: string, returnTo: string | null) {
  const query = new URLSearchParams({ kind, bindingToken: token });
  if (returnTo) query.set('returnTo', returnTo);
  return `/login/bind?${query}`;
}

/** The binding token of a `binding_required` answer, and the certificate it names. */
function bindingRequired(
  error: unknown,
): { token: string; certificate: CertificateToBind | null } | null {
  if (!(error instanceof ApiError) || error.code !== 'binding_required') return null;
  const token = error.body.bindingToken;
  if (typeof token !== 'string') return null;
  return { token, certificate: certificateToBind(error.body.certificate) };
}

function certificateProblem(error: unknown, t: Translate): FieldProblem {
  if (error instanceof Pkcs12Error) {
    const field = error.problem === 'pkcs12_unreadable' ? 'ca-password' : 'ca-file';
    return { fieldId: field, message: t(`login.ca.${error.problem}`) };
  }
  return { fieldId: '', message: loginProblem(asApiError(error), t).message };
}
