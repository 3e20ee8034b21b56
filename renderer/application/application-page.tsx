import { Fragment, useMemo, useState } from 'react';
import { LiveNotice } from '../app/live-notice';
import { LoadState } from '../app/load-state';
import { Link } from '../app/router';
import { useApiData } from '../app/use-api-data';
import { type Locale, localized, useI18n } from '../i18n/i18n';
import { AnswerList } from '../form/answer-list';
import { answerGroups } from '../form/answer-rows';
import { fieldLabel } from '../form/answer-validation';
import { buildMatterForm } from '../form/matter-form';
import { answerWords } from '../form/validation-words';
import { ActionDialog } from './action-dialog';
import type { ApplicationAction, ApplicationDetail, Matter } from './application-api';
import { DocumentList, MaterialList } from './application-files';
import { HistoryTimeline } from './history-timeline';
import '../form/form.css';
import './application.css';

/**
 * One application for its applicant (`/applications/:id`): where it stands, what can be done
 * now, the officer's correction request, the documents issued, the materials, the answers by
 * step and the history.
 */
export function ApplicationPage({ applicationId }: { applicationId: string }) {
  const path = `/api/applications/${encodeURIComponent(applicationId)}`;
  const application = useApiData<ApplicationDetail>(path);
  const matterId = application.data?.matterId;
  const matter = useApiData<Matter>(
    matterId ? `/api/matters/${encodeURIComponent(matterId)}` : null,
  );
  return (
    <LoadState state={application}>
      {(loaded) => (
        <LoadState state={matter}>
          {(definition) => (
            <ApplicationView
              application={loaded}
              matter={definition}
              onChanged={application.reload}
            />
          )}
        </LoadState>
      )}
    </LoadState>
  );
}

function ApplicationView(props: {
  application: ApplicationDetail;
  matter: Matter;
  onChanged(): void;
}) {
  const { application, matter } = props;
  const { t, locale } = useI18n();
  const [asking, setAsking] = useState<ApplicationAction | null>(null);
  // The notice waits for the reload: until then the page still shows the actions of before.
  const [done, setDone] = useState<{ status: string; text: string } | null>(null);
  const form = useMemo(() => buildMatterForm(matter, locale), [matter, locale]);
  const groups = useMemo(
    () =>
      answerGroups(
        form.resolve,
        form.schema,
        form.uiSchema,
        form.steps,
        application.data ?? {},
        answerWords(t),
      ),
    [form, application.data, t],
  );
  const labelOf = (pointer: string) => fieldLabel(form.schema, pointer);
  const finish = (updated: ApplicationDetail) => {
    setAsking(null);
    const text = t('form.detail.actionDone', { status: localized(updated.statusLabel, locale) });
    setDone({ status: updated.status, text });
    props.onChanged();
  };
  return (
    <div className="application-page">
      <h1>{localized(application.matterTitle, locale)}</h1>
      <LiveNotice className="notice notice-success">
        {done && done.status === application.status ? done.text : null}
      </LiveNotice>
      <Overview application={application} locale={locale} />
      <Actions application={application} onAsk={setAsking} />
      <Correction application={application} labelOf={labelOf} />
      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('form.detail.documents')}</h2>
        <DocumentList application={application} />
      </section>
      <section aria-labelledby="materials-title">
        <h2 id="materials-title">{t('form.detail.materials')}</h2>
        <MaterialList application={application} matter={matter} />
      </section>
      <section aria-labelledby="answers-title">
        <h2 id="answers-title">{t('form.detail.answers')}</h2>
        <AnswerList applicationId={application.id} groups={groups} headingLevel={3} />
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('form.detail.history')}</h2>
        <HistoryTimeline history={application.history} labelOf={labelOf} />
      </section>
      {asking ? (
        <ActionDialog
          application={application}
          action={asking}
          onDone={finish}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </div>
  );
}

function Overview({ application, locale }: { application: ApplicationDetail; locale: Locale }) {
  const { t } = useI18n();
  const date = (value: string | null) =>
    value ? new Date(value).toLocaleString(locale) : t('form.detail.noDate');
  const rows: [string, string][] = [
    [t('form.detail.reference'), application.reference],
    [t('form.detail.status'), localized(application.statusLabel, locale)],
    [t('form.detail.createdAt'), date(application.createdAt)],
    [t('form.detail.submittedAt'), date(application.submittedAt)],
    [t('form.detail.updatedAt'), date(application.updatedAt)],
  ];
  return (
    <dl className="summary-list">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The events open to the applicant: filling in and submitting happen on the form page. */
function Actions(props: {
  application: ApplicationDetail;
  onAsk(action: ApplicationAction): void;
}) {
  const { t, locale } = useI18n();
  const { application } = props;
  if (application.actions.length === 0) return null;
  const formPath = `/applications/${encodeURIComponent(application.id)}/form`;
  const fill = application.actions.some((action) => action.validateForm);
  return (
    <div className="button-row application-actions">
      {fill ? (
        <Link to={formPath} className="button button-primary">
          {t(
            application.category === 'correction' ? 'form.detail.correct' : 'form.detail.continue',
          )}
        </Link>
      ) : null}
      {application.actions
        .filter((action) => !action.validateForm)
        .map((action) => (
          <button
            key={action.type}
            type="button"
            className="button"
            onClick={() => props.onAsk(action)}
          >
            {localized(action.label, locale)}
          </button>
        ))}
    </div>
  );
}

function Correction(props: { application: ApplicationDetail; labelOf(pointer: string): string }) {
  const { t, locale } = useI18n();
  const request =
    props.application.category === 'correction' ? props.application.corrections : null;
  if (!request) return null;
  return (
    <section className="correction-banner" aria-labelledby="correction-title">
      <h2 id="correction-title">{t('form.correction.title')}</h2>
      <p className="hint">
        {t('form.detail.correctionRequestedAt', {
          time: new Date(request.requestedAt).toLocaleString(locale),
        })}
      </p>
      {request.comment ? (
        <p className="correction-comment">
          <strong>{t('form.correction.comment')}</strong> {request.comment}
        </p>
      ) : null}
      <ul>
        {request.items.map((item, index) => (
          <li key={index}>
            {props.labelOf(item.pointer) || t('form.correction.wholeForm')}
            {t('form.correction.reasonSeparator')}
            {item.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
