import { useEffect, useState } from 'react';
import { ApiError, apiGet } from '../api/api-client';
import type { MatterForm } from './desk-application';

/** How long a matter read from the API is reused: a new version may be published meanwhile. */
const freshForMs = 5 * 60 * 1000;
const cache = new Map<string, { at: number; form: Promise<MatterForm | null> }>();

/**
 * The current published version of a matter (`GET /api/matters/{id}`), shared by the desk's
 * pages for a few minutes; null when the matter has no published version any more (its
 * applications still show, without step titles). Other failures reject and are not kept.
 */
export function loadMatterForm(id: string): Promise<MatterForm | null> {
  const cached = cache.get(id);
  if (cached && Date.now() - cached.at < freshForMs) return cached.form;
  const form = apiGet<MatterForm>(`/api/matters/${encodeURIComponent(id)}`).catch(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      cache.delete(id);
      throw error;
    },
  );
  cache.set(id, { at: Date.now(), form });
  return form;
}

/**
 * The matters of `ids` as they arrive, by id (a matter that failed to load is simply absent:
 * what needs it falls back to showing ids and names).
 */
export function useMatterForms(ids: readonly string[]): Map<string, MatterForm> {
  const [forms, setForms] = useState(() => new Map<string, MatterForm>());
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let current = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(
      wanted.map((id) =>
        loadMatterForm(id).then(
          (form) => [id, form] as const,
          () => [id, null] as const,
        ),
      ),
    ).then((loaded) => {
      if (!current) return;
      const found = loaded.flatMap(([id, form]) => (form ? [[id, form] as const] : []));
      setForms(new Map(found));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return forms;
}
