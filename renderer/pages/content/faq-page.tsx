import { LoadState } from '../../app/load-state';
import { MarkdownText } from '../../app/markdown-text';
import { useApiData } from '../../app/use-api-data';
import { localized, useI18n } from '../../i18n/i18n';
import type { FaqContent } from './content-types';

/** 常见问题 (manual 3.1): questions about the certificate login, each opening its answer. */
export function FaqPage() {
  const { t, locale } = useI18n();
  const page = useApiData<FaqContent>('/api/content/faq');
  return (
    <section className="page content-page">
      <h1>{t('content.faq.title')}</h1>
      <LoadState state={page}>
        {(content) =>
          content.items.length === 0 ? (
            <p>{t('content.faq.empty')}</p>
          ) : (
            <div className="faq-list">
              {content.items.map((item, index) => (
                <details key={index} open={index === 0}>
                  <summary>{localized(item.question, locale)}</summary>
                  <MarkdownText source={localized(item.answer, locale)} />
                </details>
              ))}
            </div>
          )
        }
      </LoadState>
    </section>
  );
}
