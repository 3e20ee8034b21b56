import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-client';
import {
  type ApplicationDetail,
  type Matter,
  loadApplication,
  loadMatter,
} from '../application/application-api';

/** An application and its matter, loaded together; `revision` counts the reloads. */
export type FormSession =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiError }
  | { state: 'ready'; application: ApplicationDetail; matter: Matter; revision: number };

/**
 * Loads the application and then its matter (the form's schema); `reload` fetches both again,
 * e.g. after someone else saved the application, and keeps showing the old ones meanwhile.
 */
export function useFormSession(applicationId: string): [FormSession, () => Promise<void>] {
  const [session, setSession] = useState<FormSession>({ state: 'loading' });
  const load = useCallback(async () => {
    try {
      const application = await loadApplication(applicationId);
      const matter = await loadMatter(application.matterId);
      setSession((previous) => ({
        state: 'ready',
        application,
        matter,
        revision: previous.state === 'ready' ? previous.revision + 1 : 0,
      }));
    } catch (error) {
      setSession({ state: 'failed', error: asApiError(error) });
    }
  }, [applicationId]);
  useEffect(() => {
    void load();
  }, [load]);
  return [session, load];
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'unexpected', error instanceof Error ? error.message : String(error));
}
