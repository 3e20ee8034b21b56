import { useState } from 'react';
import { type ApiError, apiPost } from '../api/api-client';
import { ErrorNotice } from '../app/load-state';
import { asApiError } from '../app/use-api-data';
import { useI18n } from '../i18n/i18n';
import type { MatterVersionSummary } from './matter-version';

type Change = 'publish' | 'retire';

/**
 * Publish and retire buttons of one version, as its status allows: a draft can be published,
 * anything not retired can be retired (a retired version cannot come back). Each button names
 * the matter and version for screen readers, since a list holds many.
 */
export function VersionActions(props: {
  version: MatterVersionSummary;
  onChanged(changed: MatterVersionSummary, change: Change): void;
  onFailed(error: ApiError): void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const { matterId, version, status } = props.version;
  const change = async (kind: Change) => {
    setBusy(true);
    try {
      const path = `/api/admin/matters/${encodeURIComponent(matterId)}/versions/${encodeURIComponent(version)}/${kind}`;
      props.onChanged(await apiPost<MatterVersionSummary>(path), kind);
    } catch (error) {
      props.onFailed(asApiError(error));
    } finally {
      setBusy(false);
    }
  };
  const named = { matter: matterId, version };
  return (
    <div className="admin-version-actions">
      {status === 'draft' && (
        <button
          type="button"
          className="button-primary"
          disabled={busy}
          aria-label={t('admin.version.publishNamed', named)}
          onClick={() => void change('publish')}
        >
          {t('admin.version.publish')}
        </button>
      )}
      {status !== 'retired' && (
        <button
          type="button"
          className="button-danger"
          disabled={busy}
          aria-label={t('admin.version.retireNamed', named)}
          onClick={() => void change('retire')}
        >
          {t('admin.version.retire')}
        </button>
      )}
    </div>
  );
}

/** What the last publish or retire came to, announced. */
export type VersionOutcome =
  | { kind: 'changed'; version: MatterVersionSummary; change: Change }
  | { kind: 'failed'; error: ApiError }
  | null;

export function VersionOutcomeNotice({ outcome }: { outcome: VersionOutcome }) {
  const { t } = useI18n();
  if (outcome?.kind === 'failed') return <ErrorNotice error={outcome.error} />;
  return (
    <div role="status" aria-live="polite">
      {outcome && (
        <p className="notice notice-success">
          {t(outcome.change === 'publish' ? 'admin.version.published' : 'admin.version.retired', {
            matter: outcome.version.matterId,
            version: outcome.version.version,
          })}
        </p>
      )}
    </div>
  );
}
