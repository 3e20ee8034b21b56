import type { PageRoute } from '../app/page-route';

/** The pages of this area, matched by the shell in order. */
export const formRoutes: PageRoute[] = [];
