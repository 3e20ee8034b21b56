import { I18nProvider, useI18n } from '../i18n/i18n';
import './base.css';
import { RouteView } from './route-view';
import { RouterProvider } from './router';
import { SessionProvider } from './session';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** The portal: language, router and session for every page, around the page of the path. */
export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Layout />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

function Layout() {
  const { t } = useI18n();
  return (
    <div className="site">
      <a href="#main" className="skip-link">
        {t('site.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <RouteView />
      </main>
      <SiteFooter />
    </div>
  );
}
