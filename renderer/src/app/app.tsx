import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CorpusBuildStatus } from '@common/corpus/corpus-choice-types';
import { RECOVERABLE_CODES, type UserDataRecoveryResult } from '@common/security/user-data-backups';
import { AnalysisView } from '../features/analysis/analysis-view';
import { CodingViews, type CodingRoute } from './coding-views';
import { SecurityView } from '../features/security/security-view';
import { BuildIndicator } from '../features/corpora/build-indicator';
import { CorporaView, type CorporaAction } from '../features/corpora/corpora-view';
import { NotebookExports } from '../features/exports/notebook-exports';
import { OutdatedCorpusOffer } from '../features/corpora/outdated-corpus';
import { LibraryView } from '../features/library/library-view';
import { BackupsSection } from '../features/recovery/backups-section';
import { LockedBackups } from '../features/recovery/locked-backups';
import { RecoveryNotice } from '../features/recovery/recovery-notice';
import { RecoveryPanel } from '../features/recovery/recovery-panel';
import { NO_FILTERS, NotebookView, type NotebookFilters } from '../features/notes/notebook-view';
import { ReadingWithResults } from '../features/search/results-rail';
import { SearchBox } from '../features/search/search-box';
import type { OpenedResult } from '../features/search/search-session';
import { ReadingSettingsProvider } from '../features/settings/reading-settings-provider';
import { SettingsView } from '../features/settings/settings-view';
import { UnlockPrompt } from '../features/unlock/unlock-prompt';
import { useUserDataLock } from '../features/unlock/use-user-data-lock';
import { api } from '../shared/api';
import { useCommands, useRunCommand } from '../shared/commands/command-provider';
import { ErrorPanel } from '../shared/error-panel';
import { UndoProvider } from '../shared/undo/undo-context';
import { UnsavedBanner } from '../shared/unsaved-banner';
import { useApiQuery } from '../shared/data/use-api-query';
import { DEFAULT_LIBRARY_VIEW, type LibraryView as LibraryViewSettings } from '@common/corpus/library-types';
import { GuideView } from '../features/guide/guide-view';
import { ReaderScreen, type ReaderJump } from './reader-screen';
import { useDocumentSteps } from './use-document-steps';
import { useHeaderHeight } from './use-header-height';
import { useLastDocument } from './use-last-document';
import './app.css';
// Last: the print stylesheet overrides the views' own layout on paper.
import '../shared/styles/print.css';

type Route =
  | { view: 'library'; focusId?: string }
  | { view: 'notebook' }
  | { view: 'security' }
  | { view: 'settings' }
  | { view: 'analysis' }
  | { view: 'guide' }
  | { view: 'coding'; coding: CodingRoute }
  | { view: 'corpora'; action?: CorporaAction; requested?: number }
  | { view: 'reader'; id: string; searchQuery?: string; search?: OpenedResult; jump?: ReaderJump; from?: 'notebook'; opened: number };

export function App() {
  const [route, setRoute] = useState<Route>({ view: 'library' });
  // Bumped when another corpus opens: every view starts afresh on it.
  const [generation, setGeneration] = useState(0);
  const [build, setBuild] = useState<CorpusBuildStatus>();
  // View state that outlives its view: the notebook's filters, as last left (this session only).
  const [notebookFilters, setNotebookFilters] = useState<NotebookFilters>(NO_FILTERS);
  const [libraryView, setLibraryView] = useState<LibraryViewSettings>(DEFAULT_LIBRARY_VIEW);
  const corpus = useApiQuery('getCorpusInfo', undefined);
  const queryClient = useQueryClient();
  // Encrypted notes start locked: the prompt stands in for the views (the Security panel stays open to all).
  const lock = useUserDataLock();
  // Until the answer comes (one call), no view starts asking for notes it may not get.
  const locked = (lock.status === undefined || lock.status.state === 'locked') && route.view !== 'security' && route.view !== 'settings';
  // Notes lost, damaged or not writable: the recovery panel stands in for the views, until restored or set aside by the user.
  const [withoutNotes, setWithoutNotes] = useState(false);
  const [recoveryMessage, setRecoveryMessage] = useState<string>();
  const lost =
    lock.status?.state === 'unavailable' && (RECOVERABLE_CODES as readonly string[]).includes(lock.status.code ?? '') && !withoutNotes && route.view !== 'security' && route.view !== 'settings';
  const blocked = locked || lost;
  const { unlocked } = lock;
  const recovered = useCallback(
    (result: UserDataRecoveryResult) => {
      setRecoveryMessage(result.message);
      setWithoutNotes(false);
      unlocked(result.status);
    },
    [unlocked],
  );
  const openDocument = useCallback((id: string) => setRoute({ view: 'reader', id, opened: Date.now() }), []);
  const openSearchResult = useCallback(
    (id: string, search: OpenedResult) => setRoute({ view: 'reader', id, searchQuery: search.session.query, search, opened: Date.now() }),
    [],
  );
  const openFromNotebook = useCallback(
    ({ documentId, ...jump }: ReaderJump & { documentId: string }) => setRoute({ view: 'reader', id: documentId, jump, from: 'notebook', opened: Date.now() }),
    [],
  );
  const showNotebook = useCallback(() => setRoute({ view: 'notebook' }), []);
  const showLibrary = useCallback(() => setRoute({ view: 'library' }), []);
  const showSecurity = useCallback(() => setRoute({ view: 'security' }), []);
  const showCorpora = useCallback(() => setRoute({ view: 'corpora' }), []);
  const showSettings = useCallback(() => setRoute({ view: 'settings' }), []);
  const showAnalysis = useCallback(() => setRoute({ view: 'analysis' }), []);
  const showCoding = useCallback((coding: CodingRoute) => setRoute({ view: 'coding', coding }), []);
  const steps = useDocumentSteps(libraryView, openDocument);
  const { clearEdge } = steps;
  // The document open when Carrel last closed opens again (once, if the app starts on the library).
  useLastDocument(route.view === 'reader' ? route.id : null, corpus.value !== undefined && !blocked && route.view === 'library', openDocument);
  // What the reader's status line said belongs to the document it was said about.
  useEffect(() => clearEdge(), [route, clearEdge]);
  const openPassage = useCallback(
    ({ documentId, offset, end, highlightId }: { documentId: string; offset: number; end: number; highlightId?: string }) =>
      setRoute({ view: 'reader', id: documentId, jump: { offset, end, highlightId }, opened: Date.now() }),
    [],
  );
  // A rebuild of the corpus an older Carrel made: followed in the Corpora view, with its progress.
  const rebuildStarted = useCallback((started: CorpusBuildStatus) => {
    setBuild(started);
    setRoute({ view: 'corpora' });
  }, []);
  const outdated = corpus.error?.code === 'corpus-version';
  const corpusOpened = useCallback(() => {
    // Nothing cached about the old corpus (its documents, its notes, the notes' tags) may show on the new one.
    queryClient.clear();
    setGeneration((n) => n + 1);
    setRoute({ view: 'library' });
  }, [queryClient]);
  // Menu commands (also in the palette): the corpora view does them, so an open note editor is saved and closed first.
  useCommands({
    'open-corpus': { run: () => setRoute({ view: 'corpora', action: 'open', requested: Date.now() }) },
    'build-corpus': { run: () => setRoute({ view: 'corpora', action: 'build', requested: Date.now() }) },
    'show-corpora': { run: () => setRoute({ view: 'corpora', requested: Date.now() }) },
    'show-settings': { run: showSettings },
    'analysis.show': { run: () => setRoute({ view: 'analysis' }) },
    'go-library': { run: showLibrary },
    'go-notebook': { run: showNotebook },
    'show-guide': { run: () => setRoute({ view: 'guide' }) },
    'coding.show-codebook': { run: () => showCoding({ page: 'codebook' }) },
    'coding.show-matrix': { run: () => showCoding({ page: 'matrix' }) },
  });
  const headerRef = useRef<HTMLElement>(null);
  useHeaderHeight(headerRef);
  const runCommand = useRunCommand();
  useEffect(() => api().onCommand((command) => void runCommand(command, 'menu')), [runCommand]);
  const goBack = useCallback(
    () =>
      setRoute((current) =>
        current.view === 'reader' && current.from === 'notebook' ? { view: 'notebook' } : { view: 'library', focusId: current.view === 'reader' ? current.id : undefined },
      ),
    [],
  );

  return (
    // Keyed by the corpus: a newly opened one gets fresh views, searches and undo history.
    <UndoProvider key={generation}>
      <ReadingSettingsProvider>
        <div className="app">
          <header className="app-header" ref={headerRef}>
            {/* Not a heading: each view has its own h1. */}
            <p className="app-name">Carrel</p>
            {corpus.value && (
              <p className="corpus-name" dir="auto" title={corpus.value.fileName}>
                {corpus.value.title}
              </p>
            )}
            <SearchBox onOpen={openSearchResult} />
            {build && route.view !== 'corpora' && <BuildIndicator build={build} onShow={showCorpora} />}
            <nav className="app-nav" aria-label="Views">
              <button type="button" className="nav-button" aria-current={route.view === 'library' ? 'page' : undefined} onClick={showLibrary}>
                Library
              </button>
              <button type="button" className="nav-button" aria-current={route.view === 'notebook' ? 'page' : undefined} onClick={showNotebook}>
                Notebook
              </button>
              <button type="button" className="nav-button" aria-current={route.view === 'analysis' ? 'page' : undefined} onClick={showAnalysis}>
                Analysis
              </button>
              <button type="button" className="nav-button" aria-current={route.view === 'coding' ? 'page' : undefined} onClick={() => showCoding({ page: 'codebook' })}>
                Codebook
              </button>
              <button type="button" className="nav-button" aria-current={route.view === 'corpora' ? 'page' : undefined} onClick={showCorpora}>
                Corpora
              </button>
              <button type="button" className="nav-button" aria-current={route.view === 'security' ? 'page' : undefined} onClick={showSecurity}>
                Security
              </button>
              <button type="button" className="nav-button" aria-current={route.view === 'settings' ? 'page' : undefined} onClick={showSettings}>
                Settings
              </button>
            </nav>
          </header>
          <UnsavedBanner />
          <main className="app-main">
            {recoveryMessage && <RecoveryNotice message={recoveryMessage} onDismiss={() => setRecoveryMessage(undefined)} />}
            {locked && lock.status && <UnlockPrompt status={lock.status} onUnlocked={lock.unlocked} />}
            {locked && lock.status && <LockedBackups onRecovered={recovered} />}
            {lost && lock.status && <RecoveryPanel status={lock.status} onRecovered={recovered} onRetried={lock.unlocked} onContinue={() => setWithoutNotes(true)} />}
            {!blocked && route.view === 'library' && outdated && (
              <>
                {corpus.error && <ErrorPanel title="Carrel cannot open its corpus" error={corpus.error} />}
                <OutdatedCorpusOffer onRebuildStarted={rebuildStarted} building={build?.state === 'running'} />
              </>
            )}
            {!blocked && route.view === 'library' && !outdated && (
              <LibraryView onOpen={openDocument} focusId={route.focusId} view={libraryView} onViewChange={setLibraryView} />
            )}
            {!blocked && route.view === 'notebook' && (
              <NotebookView onOpen={openFromNotebook} filters={notebookFilters} onFiltersChange={setNotebookFilters} tools={(query) => <NotebookExports filter={query} />} />
            )}
            {route.view === 'security' && <SecurityView backups={<BackupsSection />} />}
            {!blocked && route.view === 'analysis' && <AnalysisView onOpen={openPassage} />}
            {!blocked && route.view === 'coding' && <CodingViews route={route.coding} onRoute={showCoding} onOpen={openPassage} />}
            {!blocked && route.view === 'corpora' && (
              <CorporaView key={route.requested} action={route.action} onOpened={corpusOpened} build={build} onBuildChange={setBuild} />
            )}
            {!blocked && route.view === 'reader' && (
              // The results of the search it was opened from stay beside it.
              <ReadingWithResults opened={route.search} currentId={route.id} onOpen={openSearchResult}>
                {/* Keyed per opening: each starts at its first hit, its notebook entry or where it was left. */}
                <ReaderScreen
                  key={`${route.id}\n${route.opened}`}
                  id={route.id}
                  searchQuery={route.searchQuery}
                  jump={route.jump}
                  onBack={goBack}
                  backTo={route.from ?? 'library'}
                  onOpenDocument={openDocument}
                  onOpenPassage={openPassage}
                  onStep={(direction) => void steps.step(route.id, direction)}
                  status={steps.edge}
                />
              </ReadingWithResults>
            )}
            {route.view === 'settings' && <SettingsView />}
            {route.view === 'guide' && <GuideView />}
          </main>
        </div>
      </ReadingSettingsProvider>
    </UndoProvider>
  );
}
