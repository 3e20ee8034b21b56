import { lazy } from 'react';
import { lazyPage } from '../app/lazy-page';
import type { PageRoute } from '../app/page-route';

/** The desk loads on first visit, in a chunk of its own that applicants never download. */
const DeskQueuePage = lazy(async () => ({
  default: (await import('./desk-queue-page.js')).DeskQueuePage,
}));
const DeskApplicationPage = lazy(async () => ({
  default: (await import('./desk-application-page.js')).DeskApplicationPage,
}));

/** The pages of this area, matched by the shell in order. */
export const deskRoutes: PageRoute[] = [
  {
    pattern: '/desk',
    access: 'officer',
    title: 'desk.queue.title',
    render: (_params, query) => lazyPage(DeskQueuePage, { query }),
  },
  {
    pattern: '/desk/applications/:id',
    access: 'officer',
    title: 'desk.application.title',
    render: (params) => lazyPage(DeskApplicationPage, { id: params.id ?? '' }),
  },
];
