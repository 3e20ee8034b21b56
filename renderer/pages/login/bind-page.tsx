import { type FormEvent, useState } from 'react';
import { apiPost } from '../../api/api-client';
import { ErrorSummary, type FieldProblem } from '../../app/error-summary';
import { landingPath } from '../../app/page-access';
import { Link, navigate, useLocation } from '../../app/router';
import { type LoginAnswer, useSession } from '../../app/session';
import { asApiError } from '../../app/use-api-data';
import { useI18n } from '../../i18n/i18n';
import { type CertificateToBind, certificateInState } from './certificate-to-bind';
import { CredentialFields, missingCredentials, useCredentials } from './credential-fields';
import { loginProblem } from './login-problem';

/**
 * The first use of a certificate or a unified identity (manual 2.2 step 5, 2.3): the portal
 * account's username and password bind it, and from then on it logs in directly. A certificate
 * is named when the login form handed it on; the unified identity's callback names nobody, so
 * its text stays general.
 */
export function BindPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const session = useSession();
  const { state } = useLocation();
  const kind = query.get('kind') === 'sso' ? 'sso' : 'certificate';
  const bindingToken = query.get('bindingToken') ?? '';
  const returnTo = query.get('returnTo');
  const certificate = kind === 'certificate' ? certificateInState(state) : null;
  const credentials = useCredentials();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingCredentials(credentials, 'bind', t);
    setProblems(missing);
    if (missing.length > 0) return;
    setBusy(true);
    try {
      const path = kind === 'sso' ? '/api/auth/sso/bind' : '/api/auth/ca/bind';
      const { username, password } = credentials;
      const body = { bindingToken, username: username.trim(), password };
      const answer = await apiPost<LoginAnswer>(path, body);
      session.loggedIn(answer);
      navigate(landingPath(answer.user, returnTo), { replace: true });
    } catch (error) {
      setProblems([{ fieldId: '', message: loginProblem(asApiError(error), t).message }]);
      setBusy(false);
    }
  };
  const errorOf = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.message;

  if (!bindingToken) {
    return (
      <section className="page page-narrow">
        <h1>{t('bind.title')}</h1>
        <p>{t('bind.noToken')}</p>
        <Link to="/login">{t('bind.backToLogin')}</Link>
      </section>
    );
  }
  return (
    <section className="page page-narrow">
      <h1>{t('bind.title')}</h1>
      <p className="lead">{kind === 'sso' ? t('bind.introSso') : t('bind.introCertificate')}</p>
      {certificate && <CertificateSummary certificate={certificate} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} />
        <CredentialFields prefix="bind" credentials={credentials} errorOf={errorOf} />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('bind.submit')}
          </button>
          <Link to="/login">{t('bind.backToLogin')}</Link>
          <Link to="/register">{t('login.registerNow')}</Link>
        </div>
      </form>
    </section>
  );
}

/** 将绑定的证书: who holds it, who issued it, and its serial number (with the key identifier). */
function CertificateSummary({ certificate }: { certificate: CertificateToBind }) {
  const { t } = useI18n();
  return (
    <dl className="summary-list">
      <dt>{t('bind.certificate')}</dt>
      <dd>{certificate.label}</dd>
      <dt>{t('bind.issuer')}</dt>
      <dd>{certificate.issuer}</dd>
      {certificate.subject && (
        <>
          <dt>{t('bind.subject')}</dt>
          <dd>{certificate.subject}</dd>
        </>
      )}
    </dl>
  );
}
