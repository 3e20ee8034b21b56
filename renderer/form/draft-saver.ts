import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/api-client';
import { type Application, saveApplicationData } from '../application/application-api';
import { withoutValues } from './draft-values';

type Data = Record<string, unknown>;

/** Where the draft stands, for the "saved at" line. */
export type SaveState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'saved'; at: Date; skipped: number }
  | { status: 'failed'; message: string };

export interface DraftSaverEvents {
  /** Someone saved the application in between (409 `version_conflict`). */
  onConflict(): void;
  /** The application can no longer be edited (409 `not_editable`). */
  onNotEditable(): void;
}

export interface DraftSaver {
  state: SaveState;
  /** Queues the data to be saved after a pause in typing. */
  schedule(data: Data): void;
  /** Saves what is queued now; true once the server has it (or nothing was queued). */
  flush(): Promise<boolean>;
  /** The application version the server last answered, for the next write. */
  version(): number;
}

/** A pause in typing this long saves the draft. */
export const draftDelayMs = 1200;

/**
 * Saves the form's data as a draft: after a pause in changes, when asked (on a step change or
 * before a submit), when the page is hidden, and before the page is left. Saves run one after
 * another with the version the last one returned. Values the server refuses (422
 * `data_invalid`) are left out so the rest is saved; the person sees them as errors anyway.
 */
export function useDraftSaver(application: Application, events: DraftSaverEvents): DraftSaver {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const version = useRef(application.version);
  const saved = useRef(JSON.stringify(application.data ?? {}));
  const queued = useRef<Data | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const shown = useRef<SaveState['status']>('idle');
  const eventsRef = useRef(events);
  eventsRef.current = events;
  // Set once the page is left: a last save may still fail, but there is no one left to tell.
  const closed = useRef(false);

  const show = useCallback((next: SaveState) => {
    shown.current = next.status;
    setState(next);
  }, []);

  const saveNow = useCallback(async (): Promise<boolean> => {
    const data = queued.current;
    queued.current = null;
    if (!data) return true;
    const json = JSON.stringify(data);
    if (json === saved.current) {
      if (shown.current === 'pending') show({ status: 'idle' });
      return true;
    }
    show({ status: 'saving' });
    try {
      const skipped = await saveWithoutRefused(application.id, data, version);
      saved.current = json;
      show({ status: 'saved', at: new Date(), skipped });
      return true;
    } catch (error) {
      return failed(error, data);
    }
  }, [application.id, show]);

  const failed = (error: unknown, data: Data): boolean => {
    const code = error instanceof ApiError ? error.code : '';
    if (closed.current) return false;
    if (code === 'version_conflict') eventsRef.current.onConflict();
    else if (code === 'not_editable') eventsRef.current.onNotEditable();
    else queued.current ??= data;
    const message = error instanceof ApiError ? error.message : String(error);
    show({ status: 'failed', message });
    return false;
  };

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(saveNow, saveNow);
    return chain.current;
  }, [saveNow]);

  const schedule = useCallback(
    (data: Data) => {
      queued.current = data;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), draftDelayMs);
      if (shown.current !== 'pending' && shown.current !== 'saving') show({ status: 'pending' });
    },
    [flush, show],
  );

  useSaveBeforeLeaving(flush, queued, closed);
  return useMemo(
    () => ({ state, schedule, flush, version: () => version.current }),
    [state, schedule, flush],
  );
}

/**
 * Saves `data`; on 422 `data_invalid` saves it again without the refused values. Returns how
 * many values were left out. Updates `version` with each answer.
 */
async function saveWithoutRefused(
  id: string,
  data: Data,
  version: { current: number },
): Promise<number> {
  try {
    version.current = (await saveApplicationData(id, data, version.current)).version;
    return 0;
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'data_invalid') throw error;
    const pointers = error.details.map((detail) => detail.pointer);
    const rest = withoutValues(data, pointers);
    version.current = (await saveApplicationData(id, rest, version.current)).version;
    return new Set(pointers).size;
  }
}

/** Hidden pages and closed tabs save first; a page with unsaved changes asks before closing. */
function useSaveBeforeLeaving(
  flush: () => Promise<boolean>,
  queued: { current: Data | null },
  closed: { current: boolean },
) {
  useEffect(() => {
    closed.current = false;
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!queued.current) return;
      void flush();
      event.preventDefault();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onLeave);
      closed.current = true;
      void flush();
    };
  }, [flush, queued, closed]);
}
