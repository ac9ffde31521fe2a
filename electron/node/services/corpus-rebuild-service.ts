import fs from 'node:fs';
import path from 'node:path';
import type { OutdatedCorpus } from '../../common/corpus/corpus-choice-types';
import type { CarrelServices } from '../../common/ipc/ipc-contract';
import { readCorpusDescription } from '../corpus/corpus-description';
import { CORPUS_FORMAT_VERSION } from '../corpus/corpus-format';
import { readCorpusOrigin, type CorpusOrigin } from '../corpus/corpus-origin';
import type { RecentCorpora } from '../corpora/recent-corpora';
import type { CorpusBuildService } from './corpus-build-service';
import type { CorpusService } from './corpus-service';
import { ServiceError } from './service-error';

export type CorpusRebuildService = Pick<CarrelServices, 'getOutdatedCorpus' | 'rebuildCorpus'>;

export type CorpusRebuildDeps = {
  corpus: CorpusService;
  recent: RecentCorpora;
  build: CorpusBuildService;
  nativeBinding?: string;
};

/** Carrel's own layout keeps a corpus's sources in this folder beside it (the bundled corpus: resources/corpus/sources). */
export const SOURCES_BESIDE_CORPUS = 'sources';

type Plan = { sourcesDir: string; title?: string };

const isFolder = (dir: string) => fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;

/**
 * How dir rebuilds the corpus, if it makes the same corpus id (so notes stay with it): as it
 * is, or with the corpus's title given (an id that came from the title). A folder found only
 * by Carrel's layout must name the id itself in carrel-corpus.json: any folder would match a
 * title.
 */
function planFor(dir: string, origin: CorpusOrigin, explicitIdOnly: boolean): Plan | undefined {
  if (!origin.corpusId || !isFolder(dir)) return undefined;
  try {
    const plain = readCorpusDescription(dir);
    if (plain.id === origin.corpusId) {
      const explicit = plain.raw !== '' && (JSON.parse(plain.raw) as { id?: unknown }).id !== undefined;
      return explicitIdOnly && !explicit ? undefined : { sourcesDir: dir };
    }
    if (explicitIdOnly || !origin.title) return undefined;
    return readCorpusDescription(dir, origin.title).id === origin.corpusId ? { sourcesDir: dir, title: origin.title } : undefined;
  } catch {
    // A carrel-corpus.json that cannot be used: the build would fail the same way.
    return undefined;
  }
}

function describe(origin: CorpusOrigin, fileName: string): string {
  const made = [origin.builderVersion && `by Carrel’s corpus builder ${origin.builderVersion}`, origin.createdAt && `on ${origin.createdAt.slice(0, 10)}`]
    .filter(Boolean)
    .join(' ');
  return `“${origin.title || fileName}” (${fileName}) was made${made ? ` ${made}` : ''} in corpus format ${origin.formatVersion}; this version of Carrel reads format ${CORPUS_FORMAT_VERSION}.`;
}

function adviceFor(origin: CorpusOrigin, fileName: string, remembered: string | undefined): string {
  const why =
    remembered === undefined
      ? 'Carrel does not know the folder it was built from.'
      : isFolder(remembered)
        ? `The folder it was built from, ${remembered}, no longer makes the same corpus (its carrel-corpus.json or its name changed).`
        : `The folder it was built from, ${remembered}, is no longer there.`;
  const keep = origin.corpusId
    ? ` Your notes on it come back if the new corpus keeps its id, ${origin.corpusId}: the same carrel-corpus.json${origin.title ? `, or the same title (“${origin.title}”)` : ''}.`
    : '';
  return `${why} If you have its sources, use “Build corpus from a folder…” in Corpora, choose that folder and save over ${fileName}.${keep} Otherwise ask whoever gave you the file for one made by this version of Carrel.`;
}

/**
 * A corpus made by an older Carrel: says where it came from and rebuilds it from its sources
 * when Carrel knows them (the folder a corpus built in the app was built from, kept in the
 * recent list, or the sources folder beside it in Carrel's own layout), through the build
 * service: the same progress, cancel and checks as any build.
 */
export function createCorpusRebuildService(deps: CorpusRebuildDeps): CorpusRebuildService {
  const { corpus, recent } = deps;
  // The corpus Carrel is on, or a file from the recent list: main never builds over a file the renderer names.
  const target = (file: string | undefined): string => {
    if (file === undefined) return path.resolve(corpus.currentFile());
    const entry = recent.find(file);
    if (!entry) throw new ServiceError('not-found', 'That corpus is not in the list of recent corpora.');
    return entry.file;
  };
  const outdated = (file: string): (OutdatedCorpus & { plan?: Plan; description: string; originals: boolean }) | null => {
    const open = corpus.openCorpusFile();
    if (open !== undefined && path.resolve(open) === file) return null;
    const origin = readCorpusOrigin(file, deps.nativeBinding);
    if (!origin || origin.formatVersion >= CORPUS_FORMAT_VERSION) return null;
    const fileName = path.basename(file);
    const remembered = recent.find(file)?.sourcesDir;
    const plan =
      (remembered !== undefined ? planFor(remembered, origin, false) : undefined) ??
      planFor(path.join(path.dirname(file), SOURCES_BESIDE_CORPUS), origin, true);
    const report: OutdatedCorpus = {
      file,
      fileName,
      title: origin.title,
      corpusId: origin.corpusId,
      builderVersion: origin.builderVersion,
      createdAt: origin.createdAt,
      formatVersion: origin.formatVersion,
      currentFormatVersion: CORPUS_FORMAT_VERSION,
      ...(plan ? { sourcesDir: plan.sourcesDir } : { advice: adviceFor(origin, fileName, remembered) }),
    };
    const description = describe(origin, fileName);
    const originals = origin.originals;
    return plan ? { ...report, plan, description, originals } : { ...report, description, originals };
  };
  return {
    getOutdatedCorpus({ file }) {
      const found = outdated(target(file));
      if (!found) return null;
      const { plan: _plan, description: _description, originals: _originals, ...report } = found;
      return report;
    },
    rebuildCorpus({ file }) {
      const found = outdated(target(file));
      if (!found) throw new ServiceError('not-outdated', 'That corpus opens as it is: there is nothing to rebuild.');
      if (!found.plan) throw new ServiceError('sources-unknown', `${found.description} ${found.advice!}`);
      return deps.build.startKnownBuild({ sourcesDir: found.plan.sourcesDir, outFile: found.file, title: found.plan.title, originals: found.originals });
    },
  };
}
