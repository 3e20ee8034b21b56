import type { PageRoute } from '../app/page-route';
import { AccountPage } from './account/account-page';
import { CatalogPage } from './catalog/catalog-page';
import { MatterPage } from './catalog/matter-page';
import { DownloadsPage } from './content/downloads-page';
import { FaqPage } from './content/faq-page';
import { IntroPage } from './content/intro-page';
import { HomePage } from './home/home-page';
import { BindPage } from './login/bind-page';
import { LoginPage } from './login/login-page';
import { RecoveryPage } from './recovery/recovery-page';
import { RegisterPage } from './register/register-page';
import { WorkstationPage } from './workstation/workstation-page';
import './pages.css';

/** The applicant's pages and the public ones (manual sections 1 to 4). */
export const applicantRoutes: PageRoute[] = [
  { pattern: '/', access: 'public', title: 'nav.home', render: () => <HomePage /> },
  {
    pattern: '/login',
    access: 'public',
    title: 'login.title',
    render: (_params, query) => <LoginPage query={query} />,
  },
  {
    pattern: '/login/bind',
    access: 'public',
    title: 'bind.title',
    render: (_params, query) => <BindPage query={query} />,
  },
  {
    pattern: '/register',
    access: 'public',
    title: 'register.title',
    render: (_params, query) => <RegisterPage query={query} />,
  },
  {
    pattern: '/recovery',
    access: 'public',
    title: 'recovery.title',
    render: () => <RecoveryPage />,
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
  { pattern: '/account', access: 'session', title: 'account.title', render: () => <AccountPage /> },
];
