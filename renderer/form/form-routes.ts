import { type ReactNode, Suspense, createElement, lazy } from 'react';
import { LoadingNotice } from '../app/load-state';
import type { PageRoute } from '../app/page-route';

// Loaded when first opened, so the rest of the portal does not carry rjsf and Ajv.
const FormPage = lazy(() => import('./form-page.js').then((m) => ({ default: m.FormPage })));
const SubmittedPage = lazy(() =>
  import('./submitted-page.js').then((m) => ({ default: m.SubmittedPage })),
);
const ApplicationPage = lazy(() =>
  import('../application/application-page.js').then((m) => ({ default: m.ApplicationPage })),
);

function lazyPage(page: ReactNode): ReactNode {
  return createElement(Suspense, { fallback: createElement(LoadingNotice) }, page);
}

/** The pages of this area, matched by the shell in order. */
export const formRoutes: PageRoute[] = [
  {
    pattern: '/applications/:id/form',
    access: 'applicant',
    title: 'form.pageTitle',
    render: ({ id = '' }) => lazyPage(createElement(FormPage, { applicationId: id })),
  },
  {
    pattern: '/applications/:id/check',
    access: 'applicant',
    title: 'form.check.title',
    render: ({ id = '' }) =>
      lazyPage(createElement(FormPage, { applicationId: id, startAtCheck: true })),
  },
  {
    pattern: '/applications/:id/submitted',
    access: 'applicant',
    title: 'form.submitted.title',
    render: ({ id = '' }) => lazyPage(createElement(SubmittedPage, { applicationId: id })),
  },
  {
    pattern: '/applications/:id',
    access: 'applicant',
    title: 'form.detail.title',
    render: ({ id = '' }) => lazyPage(createElement(ApplicationPage, { applicationId: id })),
  },
];
