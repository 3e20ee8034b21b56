import { useState } from 'react';
import type { ApiError } from '../api/api-client';
import { ErrorNotice } from '../app/load-state';
import { asApiError } from '../app/use-api-data';
import { useI18n } from '../i18n/i18n';

export type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; error: ApiError };

/** Runs a save, keeping whether it is running, done or refused for the notice. */
export function useSave() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const run = async (save: () => Promise<unknown>): Promise<boolean> => {
    setState({ kind: 'saving' });
    try {
      await save();
      setState({ kind: 'saved' });
      return true;
    } catch (error) {
      setState({ kind: 'failed', error: asApiError(error) });
      return false;
    }
  };
  return { state, run, reset: () => setState({ kind: 'idle' }) };
}

/** "Saved" announced politely, or the refusal as an alert. */
export function SaveNotice({ state, savedText }: { state: SaveState; savedText?: string }) {
  const { t } = useI18n();
  if (state.kind === 'failed') return <ErrorNotice error={state.error} />;
  return (
    <div role="status" aria-live="polite">
      {state.kind === 'saved' && (
        <p className="notice notice-success">{savedText ?? t('admin.content.saved')}</p>
      )}
    </div>
  );
}
