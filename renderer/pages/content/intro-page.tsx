import { LoadState } from '../../app/load-state';
import { MarkdownText } from '../../app/markdown-text';
import { Link } from '../../app/router';
import { useApiData } from '../../app/use-api-data';
import { localized, useI18n } from '../../i18n/i18n';
import type { IntroPageContent } from './content-types';

/** 业务介绍 (manual 3.1): the administrator's text and the matters that need a certificate. */
export function IntroPage() {
  const { t, locale } = useI18n();
  const page = useApiData<IntroPageContent>('/api/content/intro');
  return (
    <section className="page content-page">
      <LoadState state={page}>
        {(content) => (
          <>
            <h1>{localized(content.title, locale)}</h1>
            <MarkdownText source={localized(content.body, locale)} />
            <h2>{t('content.certificateMatters')}</h2>
            {content.certificateMatters.length === 0 ? (
              <p>{t('content.noCertificateMatters')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('content.category')}</th>
                    <th scope="col">{t('content.matter')}</th>
                  </tr>
                </thead>
                <tbody>
                  {content.certificateMatters.map((matter) => (
                    <tr key={matter.id}>
                      <td>{localized(matter.category.title, locale)}</td>
                      <td>
                        <Link to={`/matters/${matter.id}`}>{localized(matter.title, locale)}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}
