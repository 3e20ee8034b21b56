import { lazy } from 'react';
import { lazyPage } from '../app/lazy-page';
import type { PageRoute } from '../app/page-route';

// Loaded when first opened, so the rest of the portal does not carry rjsf and Ajv.
const FormPage = lazy(() => import('./form-page.js').then((m) => ({ default: m.FormPage })));
const SubmittedPage = lazy(() =>
  import('./submitted-page.js').then((m) => ({ default: m.SubmittedPage })),
);
const ApplicationPage = lazy(() =>
  import('../application/application-page.js').then((m) => ({ default: m.ApplicationPage })),
);

/** The pages of this area, matched by the shell in order. */
export const formRoutes: PageRoute[] = [
  {
    pattern: '/applications/:id/form',
    access: 'applicant',
    title: 'form.pageTitle',
    render: ({ id = '' }) => lazyPage(FormPage, { applicationId: id }),
  },
  {
    pattern: '/applications/:id/check',
    access: 'applicant',
    title: 'form.check.title',
    render: ({ id = '' }) => lazyPage(FormPage, { applicationId: id, startAtCheck: true }),
  },
  {
    pattern: '/applications/:id/submitted',
    access: 'applicant',
    title: 'form.submitted.title',
    render: ({ id = '' }) => lazyPage(SubmittedPage, { applicationId: id }),
  },
  {
    pattern: '/applications/:id',
    access: 'applicant',
    title: 'form.detail.title',
    render: ({ id = '' }) => lazyPage(ApplicationPage, { applicationId: id }),
  },
];
