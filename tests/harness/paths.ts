import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The built renderer; CARREL_RENDERER_DIR points elsewhere (a bench comparing two builds in one run). */
export const RENDERER_DIR = process.env.CARREL_RENDERER_DIR ?? path.join(ROOT, 'out', 'renderer');
export const BUNDLED_SOURCES = path.join(ROOT, 'resources', 'corpus', 'sources');
export const BUNDLED_CORPUS = path.join(ROOT, 'resources', 'corpus', 'carrel.sqlite');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
export const SEEDS_DIR = path.resolve(ROOT, '..', 'shared', 'seeds');
