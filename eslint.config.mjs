import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const RENDERER_BOUNDARY = {
  paths: [{ name: 'electron', message: 'The renderer reaches Electron only through the preload API.' }],
  patterns: [{ group: ['**/electron/node/**', '**/electron/main/**', 'node:*'], message: 'The renderer reaches Node only through the preload API.' }],
};

const FEATURES = ['library', 'reader', 'search', 'notes', 'bookmarks', 'corpora', 'security', 'unlock', 'recovery', 'settings', 'analysis', 'citations', 'exports', 'contents', 'guide', 'coding'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'bench/data/**', 'bench/results/**', '.cache/**'] },
  ...tseslint.configs.recommended,
  {
    // CommonJS by necessity: loaded by electron-builder.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Code that runs under plain Node or anywhere: never load Electron at run time (it would try to download it).
    files: ['electron/node/**/*.ts', 'electron/common/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only the shell imports Electron at run time; use `import type`.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // Environment-neutral code must not depend on Node or on the renderer.
    files: ['electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '**/node/**', '**/main/**', '**/renderer/**'], message: 'common/ runs anywhere.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', RENDERER_BOUNDARY],
    },
  },
  ...FEATURES.map((feature) => ({
    files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: FEATURES.filter((other) => other !== feature).map((other) => `**/features/${other}/**`),
              message: 'Features do not import each other; compose them in app/ or share through shared/.',
            },
            ...RENDERER_BOUNDARY.patterns,
          ],
          paths: RENDERER_BOUNDARY.paths,
        },
      ],
    },
  })),
);
