import { useState } from 'react';
import { LoadState } from '../app/load-state';
import { Link } from '../app/router';
import { useApiData } from '../app/use-api-data';
import { useI18n } from '../i18n/i18n';
import { AdminPage } from './admin-page';
import { type MatterVersionSummary, versionPath } from './matter-version';
import { VersionActions, type VersionOutcome, VersionOutcomeNotice } from './version-actions';
import { VersionStatusTag } from './version-status';

/** `/admin`: every version of every matter with its status, to open, publish or retire. */
export function MatterVersionsPage() {
  const { t } = useI18n();
  const versions = useApiData<{ items: MatterVersionSummary[] }>('/api/admin/matters');
  const [outcome, setOutcome] = useState<VersionOutcome>(null);
  return (
    <AdminPage title={t('admin.matters.title')}>
      <p>
        <Link to="/admin/matters/upload" className="button-primary">
          {t('admin.matters.upload')}
        </Link>
      </p>
      <VersionOutcomeNotice outcome={outcome} />
      <LoadState state={versions}>
        {({ items }) => (
          <div className="table-scroll">
            <table>
              <caption>{t('admin.matters.caption', { count: items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.matters.matter')}</th>
                  <th scope="col">{t('admin.matters.version')}</th>
                  <th scope="col">{t('admin.matters.status')}</th>
                  <th scope="col">{t('admin.matters.hash')}</th>
                  <th scope="col">{t('admin.matters.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={`${item.matterId}@${item.version}`}>
                    <th scope="row">{item.matterId}</th>
                    <td>
                      <Link
                        to={versionPath(item.matterId, item.version)}
                        aria-label={t('admin.matters.openNamed', {
                          matter: item.matterId,
                          version: item.version,
                        })}
                      >
                        {item.version}
                      </Link>
                    </td>
                    <td>
                      <VersionStatusTag status={item.status} />
                    </td>
                    <td>
                      <code title={item.hash}>{item.hash.slice(0, 12)}</code>
                    </td>
                    <td>
                      <VersionActions
                        version={item}
                        onChanged={(version, change) => {
                          setOutcome({ kind: 'changed', version, change });
                          versions.reload();
                        }}
                        onFailed={(error) => setOutcome({ kind: 'failed', error })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
    </AdminPage>
  );
}
