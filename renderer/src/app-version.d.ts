/** Carrel's version (package.json), put in by the build (electron.vite.config.ts). */
declare const __CARREL_VERSION__: string;
