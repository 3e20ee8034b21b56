import { useMemo, useState } from 'react';
import { type ApiError, apiPost } from '../api/api-client';
import { ErrorNotice, LoadState } from '../app/load-state';
import { Link } from '../app/router';
import { asApiError, useApiData } from '../app/use-api-data';
import { localized, useI18n } from '../i18n/i18n';
import { ApplicationDataView } from './application-data-view';
import { correctableFields, dataSections } from './application-sections';
import type { DeskAction, DeskApplication, MatterForm } from './desk-application';
import { applicantKindKey } from './desk-queue-page';
import './desk.css';
import { EventDialog } from './event-dialog';
import { type EventRequest, needsDialog } from './event-request';
import { HistoryTimeline } from './history-timeline';
import { useMatterForms } from './matter-forms';
import { DocumentList, MaterialList } from './material-list';
import { formatOfficeDateTime } from './office-time';

/** What the last action came to, shown above the actions. */
type Outcome = { kind: 'done'; label: string } | { kind: 'failed'; error: ApiError } | null;

/**
 * One application at the desk (`/desk/applications/:id`): who applied and when, the actions the
 * officer may take now, the data by form step, the materials to download, documents issued and
 * the history. An action that asks for a comment or fields to correct opens a dialog; each is
 * sent with the version shown, so an application someone else changed meanwhile is a 409.
 */
export function DeskApplicationPage({ id }: { id: string }) {
  const { t } = useI18n();
  const path = `/api/desk/applications/${encodeURIComponent(id)}`;
  const application = useApiData<DeskApplication>(path);
  return (
    <div className="desk">
      <p>
        <Link to="/desk">{t('desk.application.backToQueue')}</Link>
      </p>
      <LoadState state={application}>
        {(loaded) => <ApplicationView application={loaded} reload={application.reload} />}
      </LoadState>
    </div>
  );
}

function ApplicationView(props: { application: DeskApplication; reload(): void }) {
  const { application } = props;
  const { locale } = useI18n();
  const form = useMatterForms([application.matterId]).get(application.matterId);
  const [dialog, setDialog] = useState<DeskAction | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const sections = useMemo(() => sectionsOf(application, form), [application, form]);
  const fields = useMemo(() => sections.flatMap((s) => fieldsOf(s)), [sections]);
  const fieldTitle = (pointer: string) =>
    fields.find((field) => field.pointer === pointer)?.title ?? pointer;

  const send = async (action: DeskAction, request: EventRequest): Promise<ApiError | null> => {
    try {
      await apiPost(`/api/applications/${encodeURIComponent(application.id)}/events`, request);
    } catch (error) {
      const refusal = asApiError(error);
      if (refusal.status === 422) return refusal;
      setDialog(null);
      setOutcome({ kind: 'failed', error: refusal });
      return null;
    }
    setDialog(null);
    setOutcome({ kind: 'done', label: localized(action.label, locale) });
    props.reload();
    return null;
  };
  const start = (action: DeskAction) => {
    setOutcome(null);
    if (needsDialog(action)) setDialog(action);
    else {
      void send(action, { type: action.type, version: application.version }).then((refusal) => {
        if (refusal) setOutcome({ kind: 'failed', error: refusal });
      });
    }
  };

  return (
    <>
      <h1>
        {localized(application.matterTitle, locale)}
        <span className="desk-reference">{application.reference}</span>
      </h1>
      <ApplicationSummary application={application} />
      <OutcomeNotice outcome={outcome} reload={props.reload} />
      <ActionBar actions={application.actions} onAction={start} />
      {application.corrections && (
        <PendingCorrections corrections={application.corrections} fieldTitle={fieldTitle} />
      )}
      <ApplicationDataView applicationId={application.id} sections={sections} />
      <MaterialList applicationId={application.id} materials={application.materials} />
      <DocumentList applicationId={application.id} documents={application.documents} />
      <HistoryTimeline history={application.history} fieldTitle={fieldTitle} />
      {dialog && (
        <EventDialog
          action={dialog}
          version={application.version}
          fields={correctableFields(form?.schema ?? {}, form?.uiSchema ?? {})}
          send={(request) => send(dialog, request)}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

function ApplicationSummary({ application }: { application: DeskApplication }) {
  const { t, locale } = useI18n();
  const { applicant } = application;
  return (
    <dl className="summary-list">
      <dt>{t('desk.column.reference')}</dt>
      <dd>{application.reference}</dd>
      <dt>{t('desk.column.status')}</dt>
      <dd>
        <span className="status-tag">{localized(application.statusLabel, locale)}</span>
      </dd>
      <dt>{t('desk.column.applicant')}</dt>
      <dd>
        {applicant.name}
        <span className="desk-applicant-kind">
          {t(applicantKindKey(application.applicantKind))}
        </span>
        {applicant.phone && <span className="desk-contact">{applicant.phone}</span>}
        {applicant.email && <span className="desk-contact">{applicant.email}</span>}
      </dd>
      <dt>{t('desk.column.submittedAt')}</dt>
      <dd>{formatOfficeDateTime(application.submittedAt, locale) || t('desk.value.empty')}</dd>
      <dt>{t('desk.application.matterVersion')}</dt>
      <dd>{application.matterVersion}</dd>
    </dl>
  );
}

function ActionBar(props: { actions: DeskAction[]; onAction(action: DeskAction): void }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="desk-actions-title" className="desk-actions">
      <h2 id="desk-actions-title">{t('desk.application.actions')}</h2>
      {props.actions.length === 0 ? (
        <p>{t('desk.application.noActions')}</p>
      ) : (
        <div className="button-row">
          {props.actions.map((action, index) => (
            <button
              key={action.type}
              type="button"
              className={index === 0 ? 'button-primary' : 'button'}
              aria-haspopup={needsDialog(action) ? 'dialog' : undefined}
              onClick={() => props.onAction(action)}
            >
              {localized(action.label, locale)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function OutcomeNotice({ outcome, reload }: { outcome: Outcome; reload(): void }) {
  const { t } = useI18n();
  if (!outcome) return <div role="status" aria-live="polite" />;
  if (outcome.kind === 'done') {
    return (
      <div role="status" aria-live="polite" className="notice notice-success">
        <p>{t('desk.application.done', { action: outcome.label })}</p>
      </div>
    );
  }
  if (outcome.error.status === 409) {
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('desk.application.conflict')}</p>
        <p className="hint">{outcome.error.message}</p>
        <button type="button" className="button" onClick={reload}>
          {t('desk.application.reload')}
        </button>
      </div>
    );
  }
  return <ErrorNotice error={outcome.error} />;
}

function PendingCorrections(props: {
  corrections: NonNullable<DeskApplication['corrections']>;
  fieldTitle(pointer: string): string;
}) {
  const { t } = useI18n();
  const { items, comment } = props.corrections;
  return (
    <section aria-labelledby="desk-corrections-title" className="notice notice-warning">
      <h2 id="desk-corrections-title">{t('desk.application.pendingCorrections')}</h2>
      {comment && <p>{comment}</p>}
      <ul>
        {items.map((item) => (
          <li key={item.pointer}>
            {t('desk.history.correction', {
              field: props.fieldTitle(item.pointer),
              reason: item.reason,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

function sectionsOf(application: DeskApplication, form: MatterForm | undefined) {
  return dataSections(form?.schema ?? {}, form?.uiSchema ?? {}, application.data);
}

function fieldsOf(section: ReturnType<typeof dataSections>[number]) {
  return section.fields.map((field) => ({ pointer: field.pointer, title: field.title }));
}
