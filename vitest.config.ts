import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/harness/summary-reporter.ts'],
    projects: [
      {
        // As in the renderer's build (electron.vite.config.ts): '@common/…' is electron/common.
        resolve: { alias: { '@common': resolve(__dirname, 'electron/common') } },
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          // Vitest's 5 s default: real builds, the citation engine's first load and worker starts
          // passed it on two cores shared with a browser run. A hung test still fails, later.
          testTimeout: 20_000,
        },
      },
      {
        // As in the renderer's build (electron.vite.config.ts): '@common/…' is electron/common.
        resolve: { alias: { '@common': resolve(__dirname, 'electron/common') } },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll's own default is 1 s: a note's autosave under CI's load took longer. A poll
          // still fails when the state never comes, only later.
          expect: { poll: { timeout: 10_000 } },
          // Browsers are heavy on a two-core machine: one test file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
