import { type ComponentType, type ReactNode, Suspense, createElement } from 'react';
import { LoadingNotice } from './load-state';

/**
 * A page whose component React.lazy loads on first visit, in a chunk of its own, with the
 * loading notice meanwhile: each area keeps what only it needs (rjsf and Ajv, the desk, the
 * console, the certificate login) out of the pages that do not.
 *
 * @example
 * const DeskQueuePage = lazy(async () => ({
 *   default: (await import('./desk-queue-page.js')).DeskQueuePage,
 * }));
 * render: (_params, query) => lazyPage(DeskQueuePage, { query }),
 */
export function lazyPage<P extends object>(component: ComponentType<P>, props: P): ReactNode {
  return createElement(
    Suspense,
    { fallback: createElement(LoadingNotice) },
    createElement(component, props),
  );
}
