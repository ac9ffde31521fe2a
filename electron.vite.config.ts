import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/common/security/content-security-policy';

/** Writes the one CSP (electron/common/security) into index.html's meta tag. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'carrel-csp',
    transformIndexHtml: (html) => html.replace('%CARREL_CSP%', CONTENT_SECURITY_POLICY),
  };
}

/**
 * pdf.js's worker for the reader's "Show original", copied beside the page (out/renderer/pdfjs/)
 * from the same pdfjs-dist the renderer bundles, so the app's protocol serves it like any asset.
 */
function pdfjsWorker(): Plugin {
  return {
    name: 'carrel-pdfjs-worker',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'pdfjs/pdf.worker.min.mjs',
        source: readFileSync(resolve(__dirname, 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs')),
      });
    },
  };
}

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  main: {
    build: {
      // ESM-only package: bundled into the CommonJS main rather than required at run time.
      externalizeDeps: { exclude: ['approx-string-match'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Worker threads main starts (electron/node/query-worker/worker-entry.ts, bundledWorkers).
          'query-worker': resolve(__dirname, 'electron/node/query-worker/query-worker.ts'),
          'build-worker': resolve(__dirname, 'electron/node/corpus/build-worker.ts'),
          'entity-worker': resolve(__dirname, 'electron/node/entities/entity-worker.ts'),
          'index-worker': resolve(__dirname, 'electron/node/search/index-worker.ts'),
          'citation-worker': resolve(__dirname, 'electron/node/citations/citation-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require local files: bundle everything into one script.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    // The renderer's one way into shared code: '@common/…' is electron/common (never node/ or main/).
    resolve: { alias: { '@common': resolve(__dirname, 'electron/common') } },
    plugins: [react(), contentSecurityPolicy(), pdfjsWorker()],
    // The version the About view shows (package.json's, as the packaged app's).
    define: { __CARREL_VERSION__: JSON.stringify(version) },
    build: {
      // Everything is served by the app's own protocol: no inline scripts or data URLs.
      assetsInlineLimit: 0,
      // electron-vite leaves the renderer unminified by default: 1.5 MB of script to parse
      // before the first row; minified, about a third of that (bench/README.md, renderer timings).
      minify: 'esbuild',
      modulePreload: { polyfill: false },
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
