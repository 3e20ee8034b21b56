import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/i18n';

/** Who may open a page; the shell sends anyone else to the login page (or says not allowed). */
export type PageAccess = 'public' | 'applicant' | 'officer' | 'admin' | 'staff' | 'session';

/**
 * One page of the portal. Each area (applicant pages, the form page, the desk, the admin
 * console) exports its list; the shell matches the path against them in order.
 */
export interface PageRoute {
  /** A path with `:name` parameters, e.g. `/applications/:id/form`. */
  pattern: string;
  access: PageAccess;
  /** The page's title (also the document title), a key of the message catalogue. */
  title: MessageKey;
  render(params: Record<string, string>, query: URLSearchParams): ReactNode;
}
