import { homeOf, landingPath } from '../../app/page-access';
import { Link, navigate } from '../../app/router';
import { type LoginAnswer, useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { CertificateLoginPanel } from './certificate-login-panel';
import { Tabs } from './login-tabs';
import { PasswordLoginForm } from './password-login-form';
import { UnifiedLoginPanel } from './unified-login-panel';

export type LoginTab = 'password' | 'certificate' | 'sso';

/**
 * 登录 with its three ways in (manual section 2): 普通登录, CA认证登录, 市网厅统一认证登录; the
 * tab is in the address (`?tab=certificate`), so a page can point at the certificate login.
 */
export function LoginPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const session = useSession();
  const returnTo = query.get('returnTo');
  const tab = asTab(query.get('tab'));
  const ssoError = query.get('ssoError');

  const loggedIn = (answer: LoginAnswer) => {
    session.loggedIn(answer);
    navigate(landingPath(answer.user, returnTo), { replace: true });
  };
  const select = (next: string) => {
    const params = new URLSearchParams(query);
    params.set('tab', next);
    params.delete('ssoError');
    navigate(`/login?${params}`, { replace: true });
  };

  return (
    <section className="page page-narrow">
      <h1>{t('login.title')}</h1>
      {session.user && (
        <p className="notice">
          {t('login.alreadyIn', { name: session.user.displayName })}{' '}
          <Link to={homeOf(session.user.kind)}>{t('nav.workstation')}</Link>
        </p>
      )}
      {ssoError && (
        <div className="notice notice-error" role="alert">
          <p>
            {ssoError === 'sso_unavailable' ? t('login.sso.unavailable') : t('login.sso.failed')}
          </p>
        </div>
      )}
      <Tabs
        label={t('login.tabs')}
        selected={tab}
        select={select}
        tabs={[
          {
            id: 'password',
            label: t('login.tab.password'),
            panel: <PasswordLoginForm onLoggedIn={loggedIn} />,
          },
          {
            id: 'certificate',
            label: t('login.tab.ca'),
            panel: <CertificateLoginPanel returnTo={returnTo} onLoggedIn={loggedIn} />,
          },
          {
            id: 'sso',
            label: t('login.tab.sso'),
            panel: <UnifiedLoginPanel returnTo={returnTo} />,
          },
        ]}
      />
      <p>
        {t('login.noAccount')} <Link to="/register">{t('login.registerNow')}</Link>
      </p>
    </section>
  );
}

function asTab(value: string | null): LoginTab {
  return value === 'certificate' || value === 'sso' ? value : 'password';
}
