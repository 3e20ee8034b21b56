import { lazy } from 'react';
import { lazyPage } from '../app/lazy-page';
import type { PageRoute } from '../app/page-route';
import { CatalogPage } from './catalog/catalog-page';
import { MatterPage } from './catalog/matter-page';
import { DownloadsPage } from './content/downloads-page';
import { FaqPage } from './content/faq-page';
import { IntroPage } from './content/intro-page';
import { HomePage } from './home/home-page';
import { WorkstationPage } from './workstation/workstation-page';
import './pages.css';

// The sign-in pages and the account settings load on first visit: their forms, the certificate
// login and its node-forge stay out of the pages an applicant works in.
const LoginPage = lazy(async () => ({
  default: (await import('./login/login-page.js')).LoginPage,
}));
const BindPage = lazy(async () => ({ default: (await import('./login/bind-page.js')).BindPage }));
const RegisterPage = lazy(async () => ({
  default: (await import('./register/register-page.js')).RegisterPage,
}));
const RecoveryPage = lazy(async () => ({
  default: (await import('./recovery/recovery-page.js')).RecoveryPage,
}));
const AccountPage = lazy(async () => ({
  default: (await import('./account/account-page.js')).AccountPage,
}));

/** The applicant's pages and the public ones (manual sections 1 to 4). */
export const applicantRoutes: PageRoute[] = [
  { pattern: '/', access: 'public', title: 'nav.home', render: () => <HomePage /> },
  {
    pattern: '/login',
    access: 'public',
    title: 'login.title',
    render: (_params, query) => lazyPage(LoginPage, { query }),
  },
  {
    pattern: '/login/bind',
    access: 'public',
    title: 'bind.title',
    render: (_params, query) => lazyPage(BindPage, { query }),
  },
  {
    pattern: '/register',
    access: 'public',
    title: 'register.title',
    render: (_params, query) => lazyPage(RegisterPage, { query }),
  },
  {
    pattern: '/recovery',
    access: 'public',
    title: 'recovery.title',
    render: () => lazyPage(RecoveryPage, {}),
  },
  {
    pattern: '/workstation',
    access: 'applicant',
    title: 'workstation.title',
    render: (_params, query) => <WorkstationPage query={query} />,
  },
  {
    pattern: '/matters',
    access: 'public',
    title: 'catalog.title',
    render: (_params, query) => <CatalogPage query={query} />,
  },
  {
    pattern: '/matters/:id',
    access: 'public',
    title: 'catalog.matterTitle',
    render: (params) => <MatterPage id={params.id ?? ''} />,
  },
  { pattern: '/intro', access: 'public', title: 'nav.intro', render: () => <IntroPage /> },
  { pattern: '/faq', access: 'public', title: 'nav.faq', render: () => <FaqPage /> },
  {
    pattern: '/downloads',
    access: 'public',
    title: 'nav.downloads',
    render: (_params, query) => <DownloadsPage query={query} />,
  },
  {
    pattern: '/account',
    access: 'session',
    title: 'account.title',
    render: () => lazyPage(AccountPage, {}),
  },
];
