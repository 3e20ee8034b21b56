import { adminRoutes } from '../admin/admin-routes';
import { deskRoutes } from '../desk/desk-routes';
import { formRoutes } from '../form/form-routes';
import { applicantRoutes } from '../pages/applicant-routes';
import { matchPath } from './router';
import type { PageRoute } from './page-route';

/** Every page of the portal, matched in this order; the first pattern that fits wins. */
export const routeTable: PageRoute[] = [
  ...applicantRoutes,
  ...formRoutes,
  ...deskRoutes,
  ...adminRoutes,
];

export interface MatchedRoute {
  route: PageRoute;
  params: Record<string, string>;
}

/** The page for a path, or null (the not-found page). */
export function findRoute(path: string, routes: PageRoute[] = routeTable): MatchedRoute | null {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}
