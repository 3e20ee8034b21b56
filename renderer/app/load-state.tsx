import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-client';
import { useI18n } from '../i18n/i18n';
import type { ApiData } from './use-api-data';

/** "Loading…", announced politely to screen readers. */
export function LoadingNotice() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A failed request, in words, with a way to try again when there is one. */
export function ErrorNotice({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>{error.status === 0 ? t('shell.error.network') : error.message}</p>
      {retry && (
        <button type="button" className="button" onClick={retry}>
          {t('shell.error.retry')}
        </button>
      )}
    </div>
  );
}

/** Shows the loading notice, the error, or the children made from the data once it is there. */
export function LoadState<T>(props: { state: ApiData<T>; children: (data: T) => ReactNode }) {
  const { state, children } = props;
  if (state.error) return <ErrorNotice error={state.error} retry={state.reload} />;
  if (state.data === undefined) return <LoadingNotice />;
  return <>{children(state.data)}</>;
}
