import { useState } from 'react';
import { LoadState } from '../app/load-state';
import { Link } from '../app/router';
import { useApiData } from '../app/use-api-data';
import { localized, useI18n } from '../i18n/i18n';
import { AdminPage } from './admin-page';
import { FormPreview } from './form-preview';
import type { MatterVersionDetail } from './matter-version';
import { StatusDiagram } from './status-diagram';
import { VersionActions, type VersionOutcome, VersionOutcomeNotice } from './version-actions';
import { VersionStatusTag } from './version-status';

/** `/admin/matters/:id/versions/:version`: one stored version, its diagram and form. */
export function MatterVersionPage({ matterId, version }: { matterId: string; version: string }) {
  const { t, locale } = useI18n();
  const path = `/api/admin/matters/${encodeURIComponent(matterId)}/versions/${encodeURIComponent(version)}`;
  const detail = useApiData<MatterVersionDetail>(path);
  const [outcome, setOutcome] = useState<VersionOutcome>(null);
  return (
    <AdminPage title={t('admin.version.title', { matter: matterId, version })}>
      <p>
        <Link to="/admin">{t('admin.version.back')}</Link>
      </p>
      <VersionOutcomeNotice outcome={outcome} />
      <LoadState state={detail}>
        {(loaded) => (
          <>
            <dl className="summary-list">
              <dt>{t('admin.version.matterTitle')}</dt>
              <dd>{localized(loaded.definition.matter.title, locale)}</dd>
              <dt>{t('admin.matters.status')}</dt>
              <dd>
                <VersionStatusTag status={loaded.status} />
              </dd>
              <dt>{t('admin.matters.hash')}</dt>
              <dd>
                <code>{loaded.hash}</code>
              </dd>
            </dl>
            <VersionActions
              version={loaded}
              onChanged={(changed, change) => {
                setOutcome({ kind: 'changed', version: changed, change });
                detail.reload();
              }}
              onFailed={(error) => setOutcome({ kind: 'failed', error })}
            />
            <section aria-labelledby="diagram-title">
              <h2 id="diagram-title">{t('admin.diagram.title')}</h2>
              <StatusDiagram mermaid={loaded.graph} id="version-diagram" />
            </section>
            <FormPreview
              schema={loaded.definition.formSchema}
              uiSchema={loaded.definition.formUi}
            />
          </>
        )}
      </LoadState>
    </AdminPage>
  );
}
