import { type ChangeEvent, useState } from 'react';
import { type ApiError, apiPostJsonText } from '../api/api-client';
import { ErrorNotice } from '../app/load-state';
import { Link } from '../app/router';
import { asApiError } from '../app/use-api-data';
import { useI18n } from '../i18n/i18n';
import { AdminPage } from './admin-page';
import { FormPreview } from './form-preview';
import { LintFindingsTable } from './lint-findings-table';
import { type LintAnswer, type StoredVersion, versionPath } from './matter-version';
import { StatusDiagram } from './status-diagram';

interface ChosenBundle {
  name: string;
  text: string;
}

type Step =
  | { kind: 'empty' }
  | { kind: 'checking'; bundle: ChosenBundle }
  | { kind: 'checked'; bundle: ChosenBundle; answer: LintAnswer }
  | { kind: 'stored'; stored: StoredVersion }
  | { kind: 'failed'; bundle: ChosenBundle | null; error: ApiError };

/**
 * `/admin/matters/upload`: choose a definition bundle (`*.bundle.json`); it is linted at once
 * and its findings listed; a clean one shows its status diagram and form, and can be stored as
 * a draft version, to be published from its own page or the list.
 */
export function BundleUploadPage() {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'empty' });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const bundle = { name: file.name, text: await file.text() };
    setStep({ kind: 'checking', bundle });
    try {
      const answer = await apiPostJsonText<LintAnswer>('/api/admin/matters/lint', bundle.text);
      setStep({ kind: 'checked', bundle, answer });
    } catch (error) {
      setStep({ kind: 'failed', bundle, error: asApiError(error) });
    }
  };
  const store = async (bundle: ChosenBundle) => {
    try {
      setStep({ kind: 'stored', stored: await apiPostJsonText('/api/admin/matters', bundle.text) });
    } catch (error) {
      setStep({ kind: 'failed', bundle, error: asApiError(error) });
    }
  };

  return (
    <AdminPage title={t('admin.upload.title')}>
      <p>{t('admin.upload.intro')}</p>
      <div className="field">
        <label htmlFor="bundle-file">{t('admin.upload.file')}</label>
        <span className="hint" id="bundle-file-hint">
          {t('admin.upload.fileHint')}
        </span>
        <input
          type="file"
          id="bundle-file"
          accept=".json,application/json"
          aria-describedby="bundle-file-hint"
          onChange={(event) => void choose(event)}
        />
      </div>
      <div role="status" aria-live="polite">
        {step.kind === 'checking' && <p className="loading">{t('admin.upload.checking')}</p>}
        {step.kind === 'stored' && <StoredNotice stored={step.stored} />}
      </div>
      {step.kind === 'failed' && <ErrorNotice error={step.error} />}
      {step.kind === 'checked' && (
        <CheckedBundle bundle={step.bundle} answer={step.answer} onStore={store} />
      )}
    </AdminPage>
  );
}

function CheckedBundle(props: {
  bundle: ChosenBundle;
  answer: LintAnswer;
  onStore(bundle: ChosenBundle): Promise<void>;
}) {
  const { t } = useI18n();
  const [storing, setStoring] = useState(false);
  const { answer, bundle } = props;
  const errors = answer.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = answer.findings.length - errors;
  return (
    <section aria-labelledby="lint-title" className="admin-checked">
      <h2 id="lint-title">{t('admin.upload.findings', { file: bundle.name })}</h2>
      <p className={answer.valid ? 'notice notice-success' : 'notice notice-error'} role="alert">
        {t(answer.valid ? 'admin.upload.valid' : 'admin.upload.invalid', { errors, warnings })}
      </p>
      <LintFindingsTable findings={answer.findings} />
      {answer.preview && (
        <>
          <section aria-labelledby="diagram-title">
            <h2 id="diagram-title">{t('admin.diagram.title')}</h2>
            <StatusDiagram mermaid={answer.preview.graph} id="upload-diagram" />
          </section>
          <FormPreview schema={answer.preview.formSchema} uiSchema={answer.preview.formUi} />
          <div className="button-row">
            <button
              type="button"
              className="button-primary"
              disabled={storing}
              onClick={() => {
                setStoring(true);
                void props.onStore(bundle).finally(() => setStoring(false));
              }}
            >
              {t('admin.upload.store')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function StoredNotice({ stored }: { stored: StoredVersion }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-success">
      <p>{t('admin.upload.stored', { matter: stored.matterId, version: stored.version })}</p>
      <p>
        <Link to={versionPath(stored.matterId, stored.version)}>
          {t('admin.upload.openStored')}
        </Link>
      </p>
    </div>
  );
}
