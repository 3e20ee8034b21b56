import type { MessageKey } from '../i18n/i18n';
import { useI18n } from '../i18n/i18n';
import { homeOf } from './page-access';
import { Link, navigate, useLocation } from './router';
import { useSession } from './session';

interface NavItem {
  to: string;
  label: MessageKey;
}

/** The site name, the main navigation, who is logged in (or the way to log in), the language. */
export function SiteHeader() {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="site-name">
          {t('site.name')}
        </Link>
        <AccountLinks />
        <LanguageSwitch />
      </div>
      <MainNavigation />
    </header>
  );
}

function MainNavigation() {
  const { t } = useI18n();
  const { user } = useSession();
  const { path } = useLocation();
  const items: NavItem[] = [
    { to: '/', label: 'nav.home' },
    { to: '/matters', label: 'nav.handle' },
    { to: user ? homeOf(user.kind) : '/workstation', label: 'nav.workstation' },
    { to: '/intro', label: 'nav.intro' },
    { to: '/faq', label: 'nav.faq' },
    { to: '/downloads', label: 'nav.downloads' },
  ];
  return (
    <nav className="main-nav" aria-label={t('shell.mainNavigation')}>
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            <Link to={item.to} aria-current={isCurrent(item.to, path) ? 'page' : undefined}>
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function isCurrent(to: string, path: string): boolean {
  return to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`);
}

function AccountLinks() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  if (user === undefined) return <div className="account-links" />;
  if (!user) {
    return (
      <div className="account-links">
        <Link to="/login">{t('nav.login')}</Link>
        <Link to="/register">{t('nav.register')}</Link>
      </div>
    );
  }
  const leave = async () => {
    await logout();
    navigate('/');
  };
  return (
    <div className="account-links">
      <Link to="/account" title={t('shell.accountSettings')}>
        <span className="visually-hidden">{t('shell.loggedInAs')}</span>
        {user.displayName}
      </Link>
      <button type="button" className="button-link" onClick={() => void leave()}>
        {t('nav.logout')}
      </button>
    </div>
  );
}

/** Switches zh-CN ⇄ English; the button is labelled in the language it switches to. */
function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" className="language-switch" lang={next} onClick={() => setLocale(next)}>
      {t('nav.language')}
    </button>
  );
}
