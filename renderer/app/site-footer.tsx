import { useI18n } from '../i18n/i18n';
import { Link } from './router';

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <nav aria-label={t('shell.footerNavigation')}>
        <ul>
          <li>
            <Link to="/intro">{t('nav.intro')}</Link>
          </li>
          <li>
            <Link to="/faq">{t('nav.faq')}</Link>
          </li>
          <li>
            <Link to="/downloads">{t('nav.downloads')}</Link>
          </li>
        </ul>
      </nav>
      <p>{t('shell.footer.text')}</p>
    </footer>
  );
}
