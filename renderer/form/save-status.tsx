import { useI18n } from '../i18n/i18n';
import type { SaveState } from './draft-saver';

/** "Saved at 14:32", announced politely when it changes. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t, locale } = useI18n();
  return (
    <span className={`save-status save-${state.status}`} role="status" aria-live="polite">
      {describe()}
    </span>
  );

  function describe(): string {
    switch (state.status) {
      case 'idle':
        return '';
      case 'pending':
        return t('form.save.pending');
      case 'saving':
        return t('form.save.saving');
      case 'failed':
        return t('form.save.failed', { reason: state.message });
      case 'saved': {
        const time = state.at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
        if (state.skipped === 0) return t('form.save.savedAt', { time });
        return t('form.save.savedPartly', { time, count: state.skipped });
      }
    }
  }
}
