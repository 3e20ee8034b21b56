import { useCallback, useMemo, useState } from 'react';
import { ErrorNotice, LoadingNotice } from '../app/load-state';
import { Link } from '../app/router';
import type { ApplicationDetail, Matter } from '../application/application-api';
import { localized, useI18n } from '../i18n/i18n';
import { fieldLabel } from './answer-validation';
import { CheckStep } from './check-step';
import { CorrectionBanner } from './correction-banner';
import { ErrorSummary } from './error-summary';
import type { FormPageContext } from './form-context';
import { type ReloadReason, useFormEditor } from './form-editor';
import { errorsOfStep, stepsWithErrors, toErrorSchema } from './form-errors';
import { useFormSession } from './form-session';
import { stepData } from './form-steps';
import { fieldIdOf } from './field-pointer';
import { SaveStatus } from './save-status';
import { StepForm } from './step-form';
import { StepList } from './step-list';
import './form.css';

/**
 * The form page of an application (`/applications/:id/form`, and `/check` for its last page):
 * the matter's form in steps, saved as a draft while the person fills it in, checked, and
 * submitted with the event the workflow opens to the applicant.
 */
export function FormPage(props: { applicationId: string; startAtCheck?: boolean }) {
  const { t } = useI18n();
  const [session, reload] = useFormSession(props.applicationId);
  const [notice, setNotice] = useState<string | null>(null);
  const onReload = useCallback(
    (reason: ReloadReason) => {
      setNotice(t(reason === 'conflict' ? 'form.save.conflict' : 'form.save.notEditable'));
      void reload();
    },
    [reload, t],
  );
  if (session.state === 'loading') return <LoadingNotice />;
  if (session.state === 'failed') return <ErrorNotice error={session.error} retry={reload} />;
  const { application, matter } = session;
  if (!matter.statuses[application.status]?.applicantEdits) {
    return <NotEditable application={application} notice={notice} />;
  }
  return (
    <FormEditorView
      key={session.revision}
      application={application}
      matter={matter}
      startAtCheck={props.startAtCheck ?? false}
      notice={notice}
      onReload={onReload}
    />
  );
}

function FormEditorView(props: {
  application: ApplicationDetail;
  matter: Matter;
  startAtCheck: boolean;
  notice: string | null;
  onReload(reason: ReloadReason): void;
}) {
  const { application, matter } = props;
  const { t, locale } = useI18n();
  const editor = useFormEditor(application, matter, props.startAtCheck, props.onReload);
  const { form, step, checkStep, errors } = editor;
  const context = useFormContext(props.application, editor.form.materials);
  const summary = useMemo(
    () => errors.map((error) => ({ ...error, label: fieldLabel(form.schema, error.pointer) })),
    [errors, form],
  );
  const stepErrors = useMemo(
    () => toErrorSchema(errorsOfStep(errors, form.steps, step)),
    [errors, form, step],
  );
  // The data when the step opens: rjsf keeps its own from then on (see StepForm).
  const initialData = useMemo(
    () => (form.steps[step] ? stepData(editor.data.current, form.steps[step]) : {}),
    [step, form],
  );
  const total = checkStep + 1;
  return (
    <div className="form-page">
      <h1>{localized(matter.title, locale)}</h1>
      <p className="form-meta">
        <span>{t('form.reference', { reference: application.reference })}</span>
        <SaveStatus state={editor.saver.state} />
      </p>
      {matter.version !== application.matterVersion ? (
        <p className="notice">{t('form.versionChanged')}</p>
      ) : null}
      {props.notice ? (
        <p className="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      {editor.problem ? (
        <p className="notice notice-error" role="alert">
          {editor.problem}
        </p>
      ) : null}
      <CorrectionBanner
        application={application}
        schema={form.schema}
        onSelect={editor.goToField}
      />
      <ErrorSummary ref={editor.summaryRef} errors={summary} onSelect={editor.goToField} />
      <div className="form-layout">
        <StepList
          steps={form.steps}
          current={step}
          withErrors={stepsWithErrors(errors, form.steps)}
          onSelect={editor.moveTo}
        />
        <div className="form-step">
          <h2 className="step-counter" ref={editor.headingRef} tabIndex={-1}>
            {step < checkStep
              ? t('form.step.counter', { current: step + 1, total })
              : t('form.check.heading', { current: step + 1, total })}
          </h2>
          {step < checkStep ? (
            <StepForm
              key={`${step}-${locale}`}
              schema={form.stepSchemas[step] ?? {}}
              uiSchema={form.stepUiSchemas[step] ?? {}}
              validator={form.validator}
              initialData={initialData}
              errors={stepErrors}
              context={context}
              onChange={editor.changeData}
              onBlur={editor.leaveField}
              onNext={editor.next}
              onPrevious={step > 0 ? editor.previous : undefined}
              nextLabel={t(step + 1 === checkStep ? 'form.step.toCheck' : 'common.next')}
            />
          ) : (
            <CheckStep editor={editor} application={application} />
          )}
        </div>
      </div>
    </div>
  );
}

/** What the rjsf fields get: the application, materials and the fields to correct by id. */
function useFormContext(
  application: ApplicationDetail,
  materials: FormPageContext['materials'],
): FormPageContext {
  const { t, locale } = useI18n();
  return useMemo(() => {
    const corrections = new Map<string, string[]>();
    const items = application.category === 'correction' ? application.corrections?.items : [];
    for (const item of items ?? []) {
      const id = fieldIdOf(item.pointer);
      corrections.set(id, [...(corrections.get(id) ?? []), item.reason]);
    }
    return { applicationId: application.id, materials, corrections, locale, t };
  }, [application, materials, locale, t]);
}

function NotEditable(props: { application: ApplicationDetail; notice: string | null }) {
  const { t, locale } = useI18n();
  const { application } = props;
  return (
    <div className="form-page">
      <h1>{localized(application.matterTitle, locale)}</h1>
      <p className="notice" role="status">
        {props.notice ??
          t('form.notEditable', { status: localized(application.statusLabel, locale) })}
      </p>
      <p>
        <Link to={`/applications/${encodeURIComponent(application.id)}`} className="button">
          {t('form.viewApplication')}
        </Link>
      </p>
    </div>
  );
}
