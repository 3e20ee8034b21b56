import { type FormEvent, useState } from 'react';
import { ErrorSummary, type FieldProblem } from '../../app/error-summary';
import { LiveNotice } from '../../app/live-notice';
import { Link } from '../../app/router';
import type { LoginAnswer } from '../../app/session';
import { TextField } from '../../app/text-field';
import { type Translate, useI18n } from '../../i18n/i18n';
import { followBinding, logInWithCertificate, refusalMessage } from './certificate-login';
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
      const sign = async (nonce: string) => ({
        certificate: signer.chainPem,
        signature: await signer.sign(nonce),
      });
      onLoggedIn(await logInWithCertificate(sign));
    } catch (error) {
      setProgress(null);
      if (!followBinding(error, returnTo)) setProblems([certificateProblem(error, t)]);
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

function certificateProblem(error: unknown, t: Translate): FieldProblem {
  if (error instanceof Pkcs12Error) {
    const field = error.problem === 'pkcs12_unreadable' ? 'ca-password' : 'ca-file';
    return { fieldId: field, message: t(`login.ca.${error.problem}`) };
  }
  return { fieldId: '', message: refusalMessage(error, t) };
}
