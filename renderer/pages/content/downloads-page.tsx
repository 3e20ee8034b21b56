import { LoadState } from '../../app/load-state';
import { Link } from '../../app/router';
import { useApiData } from '../../app/use-api-data';
import { type Translate, localized, useI18n } from '../../i18n/i18n';
import type { DownloadsContent } from './content-types';

/**
 * 下载专区 (manual 3.2): the files by category (documents, drivers); `?category=ID` shows one
 * category, as the manual's "文档下载" choice does.
 */
export function DownloadsPage({ query }: { query: URLSearchParams }) {
  const { t, locale } = useI18n();
  const page = useApiData<DownloadsContent>('/api/content/downloads');
  const chosen = query.get('category');
  return (
    <section className="page content-page">
      <h1>{t('content.downloads.title')}</h1>
      <LoadState state={page}>
        {({ categories }) => {
          const shown = categories.filter((category) => !chosen || category.id === chosen);
          return (
            <>
              <nav aria-label={t('content.downloads.categories')}>
                <ul className="filter-links">
                  <li>
                    <Link to="/downloads" aria-current={!chosen ? 'page' : undefined}>
                      {t('content.downloads.all')}
                    </Link>
                  </li>
                  {categories.map((category) => (
                    <li key={category.id}>
                      <Link
                        to={`/downloads?category=${encodeURIComponent(category.id)}`}
                        aria-current={chosen === category.id ? 'page' : undefined}
                      >
                        {localized(category.title, locale)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
              {shown.map((category) => (
                <section key={category.id} aria-labelledby={`downloads-${category.id}`}>
                  <h2 id={`downloads-${category.id}`}>{localized(category.title, locale)}</h2>
                  {category.files.length === 0 ? (
                    <p>{t('content.downloads.empty')}</p>
                  ) : (
                    <ul className="download-list">
                      {category.files.map((file) => (
                        <li key={file.id}>
                          <a href={`/api/content/downloads/${file.id}`} download={file.name}>
                            {localized(file.title, locale)}
                          </a>{' '}
                          <span className="hint">
                            {file.name}, {fileSize(file.size, t)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              ))}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}

export function fileSize(bytes: number, t: Translate): string {
  if (bytes < 1024) return t('content.size.bytes', { size: bytes });
  if (bytes < 1024 * 1024) return t('content.size.kb', { size: (bytes / 1024).toFixed(1) });
  return t('content.size.mb', { size: (bytes / 1024 / 1024).toFixed(1) });
}
