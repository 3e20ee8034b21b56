import { lazy } from 'react';
import { lazyPage } from '../app/lazy-page';
import type { PageRoute } from '../app/page-route';

/**
 * The console's pages load on first visit, in a chunk of their own: applicants never download
 * the administrator's tools (the diagram layout, the bundle upload, the editors).
 */
const MatterVersionsPage = lazy(async () => ({
  default: (await import('./matter-versions-page.js')).MatterVersionsPage,
}));
const BundleUploadPage = lazy(async () => ({
  default: (await import('./bundle-upload-page.js')).BundleUploadPage,
}));
const MatterVersionPage = lazy(async () => ({
  default: (await import('./matter-version-page.js')).MatterVersionPage,
}));
const CategoriesPage = lazy(async () => ({
  default: (await import('./categories-page.js')).CategoriesPage,
}));
const IntroEditorPage = lazy(async () => ({
  default: (await import('./intro-editor-page.js')).IntroEditorPage,
}));
const FaqEditorPage = lazy(async () => ({
  default: (await import('./faq-editor-page.js')).FaqEditorPage,
}));
const DownloadsEditorPage = lazy(async () => ({
  default: (await import('./downloads-editor-page.js')).DownloadsEditorPage,
}));
const OutboxPage = lazy(async () => ({ default: (await import('./outbox-page.js')).OutboxPage }));

/** The pages of this area, matched by the shell in order. */
export const adminRoutes: PageRoute[] = [
  {
    pattern: '/admin',
    access: 'admin',
    title: 'admin.matters.title',
    render: () => lazyPage(MatterVersionsPage, {}),
  },
  {
    pattern: '/admin/matters/upload',
    access: 'admin',
    title: 'admin.upload.title',
    render: () => lazyPage(BundleUploadPage, {}),
  },
  {
    pattern: '/admin/matters/:id/versions/:version',
    access: 'admin',
    title: 'admin.version.pageTitle',
    render: (params) =>
      lazyPage(MatterVersionPage, { matterId: params.id ?? '', version: params.version ?? '' }),
  },
  {
    pattern: '/admin/categories',
    access: 'admin',
    title: 'admin.categories.title',
    render: () => lazyPage(CategoriesPage, {}),
  },
  {
    pattern: '/admin/content/intro',
    access: 'admin',
    title: 'admin.intro.title',
    render: () => lazyPage(IntroEditorPage, {}),
  },
  {
    pattern: '/admin/content/faq',
    access: 'admin',
    title: 'admin.faq.title',
    render: () => lazyPage(FaqEditorPage, {}),
  },
  {
    pattern: '/admin/content/downloads',
    access: 'admin',
    title: 'admin.downloads.title',
    render: () => lazyPage(DownloadsEditorPage, {}),
  },
  {
    pattern: '/admin/outbox',
    access: 'admin',
    title: 'admin.outbox.title',
    render: () => lazyPage(OutboxPage, {}),
  },
];
