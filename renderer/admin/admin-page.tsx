import type { ReactNode } from 'react';
import { Link, useLocation } from '../app/router';
import { type MessageKey, useI18n } from '../i18n/i18n';
import './admin.css';

const sections: { to: string; label: MessageKey }[] = [
  { to: '/admin', label: 'admin.nav.matters' },
  { to: '/admin/matters/upload', label: 'admin.nav.upload' },
  { to: '/admin/categories', label: 'admin.nav.categories' },
  { to: '/admin/content/intro', label: 'admin.nav.intro' },
  { to: '/admin/content/faq', label: 'admin.nav.faq' },
  { to: '/admin/content/downloads', label: 'admin.nav.downloads' },
  { to: '/admin/outbox', label: 'admin.nav.outbox' },
];

/** A page of the admin console: the console's own navigation beside the page's heading. */
export function AdminPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label={t('admin.nav.label')}>
        <ul>
          {sections.map((section) => (
            <li key={section.to}>
              <Link to={section.to} aria-current={isCurrent(section.to, path) ? 'page' : undefined}>
                {t(section.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-body">
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  );
}

/** A version's page belongs to the matters list; every other page is its own entry. */
function isCurrent(to: string, path: string): boolean {
  if (path === to) return true;
  return to === '/admin' && path.startsWith('/admin/matters/') && path !== '/admin/matters/upload';
}
