import { LoadState } from '../app/load-state';
import { Link } from '../app/router';
import { useApiData } from '../app/use-api-data';
import type { ApplicationDetail } from '../application/application-api';
import { localized, useI18n } from '../i18n/i18n';
import './form.css';

/**
 * The confirmation after a submit: the reference number to quote, the status the application
 * is in now, and the way back to the workstation (GOV.UK's confirmation page).
 */
export function SubmittedPage({ applicationId }: { applicationId: string }) {
  const state = useApiData<ApplicationDetail>(
    `/api/applications/${encodeURIComponent(applicationId)}`,
  );
  return (
    <LoadState state={state}>
      {(application) => <Confirmation application={application} />}
    </LoadState>
  );
}

function Confirmation({ application }: { application: ApplicationDetail }) {
  const { t, locale } = useI18n();
  const submittedAt = application.submittedAt ?? application.updatedAt;
  return (
    <div className="form-page">
      <section className="confirmation-panel" aria-labelledby="confirmation-title">
        <h1 id="confirmation-title">{t('form.submitted.title')}</h1>
        <p className="confirmation-matter">{localized(application.matterTitle, locale)}</p>
        <p className="confirmation-reference">
          {t('form.submitted.referenceLabel')}
          <strong>{application.reference}</strong>
        </p>
      </section>
      <dl className="summary-list">
        <dt>{t('form.detail.status')}</dt>
        <dd>{localized(application.statusLabel, locale)}</dd>
        <dt>{t('form.detail.submittedAt')}</dt>
        <dd>{new Date(submittedAt).toLocaleString(locale)}</dd>
      </dl>
      <h2>{t('form.submitted.nextTitle')}</h2>
      <p>{t('form.submitted.next')}</p>
      <p className="button-row">
        <Link to="/workstation" className="button button-primary">
          {t('form.submitted.toWorkstation')}
        </Link>
        <Link to={`/applications/${encodeURIComponent(application.id)}`} className="button">
          {t('form.viewApplication')}
        </Link>
      </p>
    </div>
  );
}
