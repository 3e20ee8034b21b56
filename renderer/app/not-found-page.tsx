import { useI18n } from '../i18n/i18n';
import { Link } from './router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page page-narrow">
      <h1>{t('common.notFound')}</h1>
      <p>{t('shell.notFound.text')}</p>
      <p>
        <Link to="/">{t('shell.backHome')}</Link>
      </p>
    </section>
  );
}
