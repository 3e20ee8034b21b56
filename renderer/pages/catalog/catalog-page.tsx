import { LoadState } from '../../app/load-state';
import { Link } from '../../app/router';
import { useApiData } from '../../app/use-api-data';
import { localized, useI18n } from '../../i18n/i18n';
import type { CatalogCategory, CatalogMatter } from './catalog-types';

/**
 * 我要办理, the matter navigation (manual 4.1.2): the categories, and the matters of the one
 * chosen (`?category=ID`, the first by default), each leading to its page and 办理 button.
 */
export function CatalogPage({ query }: { query: URLSearchParams }) {
  const { t, locale } = useI18n();
  const catalog = useApiData<{ categories: CatalogCategory[] }>('/api/categories');
  return (
    <section className="page">
      <h1>{t('catalog.title')}</h1>
      <p className="lead">{t('catalog.intro')}</p>
      <LoadState state={catalog}>
        {({ categories }) => {
          const chosen = categories.find((c) => c.id === query.get('category')) ?? categories[0];
          if (!chosen) return <p>{t('catalog.empty')}</p>;
          return (
            <div className="catalog">
              <nav className="catalog-categories" aria-label={t('catalog.categories')}>
                <ul>
                  {categories.map((category) => (
                    <li key={category.id}>
                      <Link
                        to={`/matters?category=${encodeURIComponent(category.id)}`}
                        aria-current={category.id === chosen.id ? 'page' : undefined}
                      >
                        {localized(category.title, locale)}
                        <span className="hint"> ({category.matters.length})</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
              <section aria-labelledby="catalog-category-title">
                <h2 id="catalog-category-title">{localized(chosen.title, locale)}</h2>
                <ul className="card-grid">
                  {chosen.matters.map((matter) => (
                    <MatterCard key={matter.id} matter={matter} />
                  ))}
                </ul>
              </section>
            </div>
          );
        }}
      </LoadState>
    </section>
  );
}

function MatterCard({ matter }: { matter: CatalogMatter }) {
  const { t, locale } = useI18n();
  const title = localized(matter.title, locale);
  return (
    <li className="card">
      <h3>{title}</h3>
      <p className="hint">
        {matter.applicantTypes
          .map((type) => t(`catalog.applicantType.${type}`))
          .join(t('catalog.listSeparator'))}
        {matter.authLevel === 'certificate' && (
          <>
            {' · '}
            <span className="status-tag">{t('catalog.certificateOnly')}</span>
          </>
        )}
      </p>
      <Link
        to={`/matters/${matter.id}`}
        className="button"
        aria-label={t('catalog.handleOf', { title })}
      >
        {t('catalog.handle')}
      </Link>
    </li>
  );
}
