import { LoadState } from '../app/load-state';
import { useApiData } from '../app/use-api-data';
import { localized, useI18n } from '../i18n/i18n';
import { AdminPage } from './admin-page';
import { CategorySettingsForm } from './category-settings-form';
import { bilingual } from './content-shapes';

interface CatalogCategory {
  id: string;
  title: unknown;
  order: number;
  matters: { id: string; title: unknown }[];
}

/**
 * `/admin/categories`: the title and order the matter navigation shows for each category of
 * the published matters (a matter's definition names its category; this overrides the words).
 */
export function CategoriesPage() {
  const { t, locale } = useI18n();
  const catalog = useApiData<{ categories: CatalogCategory[] }>('/api/categories');
  return (
    <AdminPage title={t('admin.categories.title')}>
      <p>{t('admin.categories.intro')}</p>
      <LoadState state={catalog}>
        {({ categories }) =>
          categories.length === 0 ? (
            <p>{t('admin.categories.empty')}</p>
          ) : (
            categories.map((category) => (
              <section
                key={category.id}
                className="admin-card"
                aria-labelledby={`category-${category.id}`}
              >
                <h2 id={`category-${category.id}`}>
                  {localized(category.title, locale)} <code>{category.id}</code>
                </h2>
                <p className="hint">
                  {t('admin.categories.matters', {
                    matters: category.matters.map((m) => localized(m.title, locale)).join('、'),
                  })}
                </p>
                <CategorySettingsForm
                  id={`category-${category.id}-form`}
                  path={`/api/admin/categories/${encodeURIComponent(category.id)}`}
                  initial={{ title: bilingual(category.title), order: category.order }}
                  legend={t('admin.categories.settings')}
                  onSaved={catalog.reload}
                />
              </section>
            ))
          )
        }
      </LoadState>
    </AdminPage>
  );
}
