import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiGet } from '../api/api-client';
import { useI18n } from '../i18n/i18n';

export interface ApiData<T> {
  data: T | undefined;
  error: ApiError | undefined;
  reload(): void;
}

/**
 * The answer of `GET path`, fetched when the path, the language or `refreshKey` changes (a page
 * bumps it after a change of its own); null fetches nothing. An answer that arrives after the
 * path changed again is dropped.
 */
export function useApiData<T>(path: string | null, refreshKey = 0): ApiData<T> {
  const { locale } = useI18n();
  const [state, setState] = useState<{ data?: T; error?: ApiError }>({});
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((previous) => ({ data: previous.data }));
    apiGet<T>(path).then(
      (data) => {
        if (current) setState({ data });
      },
      (error: unknown) => {
        if (current) setState({ error: asApiError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [path, locale, round, refreshKey]);
  return { data: state.data, error: state.error, reload };
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'network_error', String(error));
}
