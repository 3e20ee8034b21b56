import { homeOf } from '../../app/page-access';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';

/** 首页: what the portal is for, and the ways on from here. */
export function HomePage() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <section className="page home-page">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      {user ? (
        <p>
          {t('home.welcome', { name: user.displayName })}{' '}
          <Link to={homeOf(user.kind)}>{t('nav.workstation')}</Link>
        </p>
      ) : (
        <p className="button-row">
          <Link to="/login" className="button-primary">
            {t('nav.login')}
          </Link>
          <Link to="/register" className="button">
            {t('nav.register')}
          </Link>
        </p>
      )}
      <ul className="card-grid">
        <HomeCard to="/matters" title={t('nav.handle')} text={t('home.handleText')} />
        <HomeCard to="/workstation" title={t('nav.workstation')} text={t('home.workstationText')} />
        <HomeCard to="/intro" title={t('nav.intro')} text={t('home.introText')} />
        <HomeCard to="/faq" title={t('nav.faq')} text={t('home.faqText')} />
        <HomeCard to="/downloads" title={t('nav.downloads')} text={t('home.downloadsText')} />
      </ul>
      <h2>{t('home.loginWays')}</h2>
      <ul>
        <li>{t('home.loginPassword')}</li>
        <li>{t('home.loginCertificate')}</li>
        <li>{t('home.loginSso')}</li>
      </ul>
    </section>
  );
}

function HomeCard(props: { to: string; title: string; text: string }) {
  return (
    <li className="card">
      <h2 className="card-title">
        <Link to={props.to}>{props.title}</Link>
      </h2>
      <p>{props.text}</p>
    </li>
  );
}
