import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const RENDERER_DIR = path.join(ROOT, 'out', 'renderer');
export const BUNDLED_SOURCES = path.join(ROOT, 'resources', 'corpus', 'sources');
export const BUNDLED_CORPUS = path.join(ROOT, 'resources', 'corpus', 'carrel.sqlite');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const SEEDS_DIR = path.resolve(ROOT, '..', 'shared', 'seeds');
