import { Fragment, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/i18n';
import { LoadingNotice } from './load-state';
import { NotAllowedPage } from './not-allowed-page';
import { NotFoundPage } from './not-found-page';
import { accessOutcome, loginPath } from './page-access';
import { findRoute } from './route-table';
import { navigate, useLocation } from './router';
import { useSession } from './session';

/**
 * The page of the current path, once the session is known: the page itself, the login page
 * for a page that needs one (coming back afterwards), or the not-allowed or not-found page.
 * Sets the document title and moves focus to the main region after each navigation, so a screen
 * reader announces the new page.
 */
export function RouteView() {
  const { path, query } = useLocation();
  const { user } = useSession();
  const matched = findRoute(path);
  const outcome = matched && user !== undefined ? accessOutcome(matched.route.access, user) : null;
  const search = query.toString();
  const returnTo = search ? `${path}?${search}` : path;

  useEffect(() => {
    if (outcome === 'login') navigate(loginPath(returnTo), { replace: true });
  }, [outcome, returnTo]);
  useDocumentTitle(titleOf(matched?.route.title, outcome));
  useFocusOnNavigation(path);

  if (!matched) return <NotFoundPage />;
  if (outcome === 'not_allowed') return <NotAllowedPage />;
  if (outcome !== 'show') return <LoadingNotice />;
  // Keyed by path: another address is another page, with fresh state.
  return <Fragment key={path}>{matched.route.render(matched.params, query)}</Fragment>;
}

function titleOf(title: MessageKey | undefined, outcome: string | null): MessageKey {
  if (!title) return 'common.notFound';
  return outcome === 'not_allowed' ? 'shell.notAllowed.title' : title;
}

function useDocumentTitle(title: MessageKey): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t(title)} - ${t('site.name')}`;
  }, [t, title]);
}

function useFocusOnNavigation(path: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
}
