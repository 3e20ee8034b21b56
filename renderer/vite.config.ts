import { join } from 'node:path';
import { defineConfig } from 'vite';

/** Where `npm run dev` sends `/api` requests: the portal started with `npm start`. */
const portalUrl = process.env.PORTAL_URL ?? 'http://localhost:3000';

/**
 * The web pages: built into `dist/renderer` (served by the portal itself), or served with hot
 * reload by `npm run dev`, which hands `/api` to the running portal. JSX uses React's automatic
 * runtime through Vite's own transform, so no React plugin is needed.
 */
export default defineConfig({
  root: __dirname,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: join(__dirname, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // rjsf marks its hooks 'use client' for React Server Components; a client bundle has no use
      // for the directive, and the warning about dropping it drowned the build's own output.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': { target: portalUrl } },
  },
});
