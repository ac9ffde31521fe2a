// Packaging (cannot run on machines without Electron downloads): see README "Packaging".
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.carrel.reader',
  productName: 'Carrel',
  directories: { output: 'dist', buildResources: 'packaging' },
  files: ['out/**/*', 'package.json', '!**/*.map', '!.cache/**'],
  extraResources: [
    { from: 'resources/corpus/carrel.sqlite', to: 'corpus/carrel.sqlite' },
    { from: 'resources/csl', to: 'csl' },
    { from: 'resources/refi-qda', to: 'refi-qda' },
  ],
  asar: true,
  // Native modules cannot be loaded from inside an archive; nor can pdf.js's ES modules, imported
  // by the corpus builder's extraction thread (electron/node/corpus/formats/extract-worker.ts);
  // nor xmllint-wasm's worker, which reads its .wasm from its own folder (coding/refi-qda/refi-schema.ts).
  asarUnpack: ['**/*.node', 'node_modules/pdfjs-dist/legacy/build/**', 'node_modules/xmllint-wasm/**'],
  npmRebuild: true,
  afterPack: './packaging/after-pack.cjs',
  // No auto-update feed, no publishing: Carrel never contacts a server.
  publish: null,
  electronUpdaterCompatibility: undefined,
  linux: { target: ['AppImage', 'deb'], category: 'Education' },
  deb: { depends: [] },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.education', hardenedRuntime: true },
};
