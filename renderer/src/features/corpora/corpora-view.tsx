import { useCallback, useEffect, useRef, useState } from 'react';
import type { CorpusBuildStatus, RecentCorpus } from '@common/corpus/corpus-choice-types';
import type { CorpusInfo } from '@common/corpus/corpus-types';
import type { IpcError, Result } from '@common/result';
import { counted } from '../../shared/counted';
import { callApi } from '../../shared/data/call-api';
import { useApiQuery } from '../../shared/data/use-api-query';
import { BuildPanel } from './build-panel';
import { OutdatedCorpusOffer } from './outdated-corpus';
import { useCorpusBuild } from './use-corpus-build';
import './corpora.css';

export type CorporaAction = 'open' | 'build';

type Props = {
  /** A corpus was opened: the app starts afresh on it. */
  onOpened: (info: CorpusInfo) => void;
  /** The build this window follows, kept by the app while the user reads elsewhere. */
  build?: CorpusBuildStatus;
  onBuildChange: (build: CorpusBuildStatus | undefined) => void;
  /** Asked for from the menu: done once when the view opens. */
  action?: CorporaAction;
};

type RecentListProps = { recent: RecentCorpus[]; onOpen: (file: string) => void; onForget: (file: string) => void; busy: boolean };

function RecentList({ recent, onOpen, onForget, busy }: RecentListProps) {
  if (recent.length === 0) return <p className="status">No other corpus has been opened yet.</p>;
  return (
    <ul className="recent-corpora">
      {recent.map((corpus) => (
        <li key={corpus.file} className="recent-corpus" data-open={corpus.isOpen || undefined}>
          <button
            type="button"
            className="recent-open"
            disabled={busy || corpus.isOpen || !corpus.available}
            aria-current={corpus.isOpen ? 'true' : undefined}
            onClick={() => onOpen(corpus.file)}
          >
            <span className="recent-title" dir="auto">
              {corpus.title}
            </span>
            <span className="recent-detail">
              {counted(corpus.documentCount, 'document', 'documents')} ·{' '}
              {corpus.isOpen
                ? 'open now'
                : !corpus.available
                  ? 'file not found'
                  : `${corpus.builtOnly ? 'built' : 'last opened'} ${corpus.openedAt.slice(0, 10)}`}
            </span>
            <code className="recent-file" dir="ltr">
              {corpus.file}
            </code>
          </button>
          {!corpus.isOpen && (
            <button type="button" className="icon-button recent-forget" disabled={busy} aria-label={`Remove “${corpus.title}” from the list`} title="Remove from the list (the file stays)" onClick={() => onForget(corpus.file)}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Corpora: the one open now, opening another file, the recent ones, and building one from a folder. */
export function CorporaView({ onOpened, build, onBuildChange, action }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<IpcError>();
  // A recent corpus that failed to open because an older Carrel made it: offered for rebuilding.
  const [outdatedFile, setOutdatedFile] = useState<string>();
  const [title, setTitle] = useState('');
  // Unchecked: the corpus keeps no copy of its PDFs (smaller; no "Show original"), as --no-originals.
  const [originals, setOriginals] = useState(true);
  const [recentChanged, setRecentChanged] = useState(0);
  const watch = useCorpusBuild(build?.jobId, build);
  const status = watch.status;
  const recentQuery = useApiQuery('listRecentCorpora', undefined);
  const recent = recentQuery.state;
  const current = useApiQuery('getCorpusInfo', undefined).state;
  // A build that ends, or a corpus forgotten, changes the recent list.
  const { refetch: refetchRecent } = recentQuery;
  const firstRecent = useRef(true);
  useEffect(() => {
    if (firstRecent.current) firstRecent.current = false;
    else void refetchRecent();
  }, [status?.state, recentChanged, refetchRecent]);

  const run = useCallback(async <T,>(call: () => Promise<Result<T>>, then: (value: T) => void) => {
    setBusy(true);
    setProblem(undefined);
    setOutdatedFile(undefined);
    try {
      const result = await call();
      if (result.ok) then(result.value);
      else setProblem(result.error);
    } finally {
      setBusy(false);
    }
  }, []);

  const chooseFile = useCallback(() => run(() => callApi('chooseCorpus', undefined), (info) => info && onOpened(info)), [run, onOpened]);
  const startBuild = useCallback(
    () => run(() => callApi('startCorpusBuild', { ...(title.trim() ? { title } : {}), ...(originals ? {} : { originals: false }) }), (started) => started && onBuildChange(started)),
    [run, onBuildChange, title, originals],
  );
  const openFile = useCallback(
    async (file: string) => {
      let outdated = false;
      await run(
        async () => {
          const result = await callApi('openRecentCorpus', { file });
          outdated = !result.ok && result.error.code === 'corpus-version';
          return result;
        },
        onOpened,
      );
      if (outdated) setOutdatedFile(file);
    },
    [run, onOpened],
  );
  const forgetFile = useCallback((file: string) => run(() => callApi('forgetRecentCorpus', { file }), () => setRecentChanged((n) => n + 1)), [run]);
  const rebuildStarted = useCallback(
    (started: CorpusBuildStatus) => {
      setProblem(undefined);
      onBuildChange(started);
    },
    [onBuildChange],
  );
  const cancelBuild = useCallback(() => {
    if (build) void run(() => callApi('cancelCorpusBuild', { jobId: build.jobId }), onBuildChange);
  }, [build, run, onBuildChange]);

  // No corpus is open (one an older Carrel made, say) and a build is done: it opens, there is nothing to leave.
  const opensWhenDone = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (status?.state !== 'done' || current.status !== 'error' || opensWhenDone.current === status.jobId) return;
    opensWhenDone.current = status.jobId;
    void openFile(status.outFile);
  }, [status?.state, status?.jobId, status?.outFile, current.status, openFile]);

  // A menu command that brought the user here runs once, after the reader (if any) has gone.
  const actionDone = useRef(false);
  useEffect(() => {
    if (!action || actionDone.current) return;
    const timer = window.setTimeout(() => {
      actionDone.current = true;
      void (action === 'open' ? chooseFile() : startBuild());
    });
    return () => window.clearTimeout(timer);
  }, [action, chooseFile, startBuild]);

  const building = status?.state === 'running';
  return (
    <section className="corpora" aria-labelledby="corpora-title">
      <h1 id="corpora-title" className="section-title">
        Corpora
      </h1>
      <p className="corpora-current" data-fact="current-corpus">
        {current.status === 'ready' ? (
          <>
            Open now: <strong dir="auto">{current.value.title}</strong> ({counted(current.value.documentCount, 'document', 'documents')},{' '}
            <code dir="ltr">{current.value.fileName}</code>)
          </>
        ) : current.status === 'error' ? (
          <>No corpus is open: {current.error.message}</>
        ) : (
          'Checking…'
        )}
      </p>
      {current.status === 'error' && current.error.code === 'corpus-version' && (
        <OutdatedCorpusOffer key={status?.state} onRebuildStarted={onBuildChange} building={building} />
      )}
      <div className="corpora-actions">
        <button type="button" className="small-button" onClick={() => void chooseFile()} disabled={busy}>
          Open corpus file…
        </button>
      </div>
      <form
        className="corpora-build"
        onSubmit={(event) => {
          event.preventDefault();
          void startBuild();
        }}
      >
        <label>
          Title for a new corpus <span className="corpora-hint">(optional: else the folder’s own title or its name)</span>
          <input type="text" dir="auto" maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label className="corpora-check">
          <input type="checkbox" checked={originals} onChange={(event) => setOriginals(event.target.checked)} />
          <span>
            Keep a copy of each PDF <span className="corpora-hint">(for Show original; unchecked, the corpus is smaller)</span>
          </span>
        </label>
        <button type="submit" className="small-button" disabled={busy || building}>
          Build corpus from a folder…
        </button>
      </form>
      <p className="fact-detail">
        A corpus is built from every .txt, .md, .html, .pdf, .epub and .docx file in a folder and its subfolders. Your highlights, notes and
        bookmarks are kept per corpus and come back when you open it again.
      </p>
      {problem && (
        <p className="corpora-problem" role="alert">
          {problem.message}
        </p>
      )}
      {outdatedFile && <OutdatedCorpusOffer key={`${outdatedFile}\n${status?.state}`} file={outdatedFile} onRebuildStarted={rebuildStarted} building={building} />}
      {build && (
        <BuildPanel status={status} error={watch.error} onCancel={cancelBuild} onOpen={(file) => void openFile(file)} onDismiss={() => onBuildChange(undefined)} />
      )}
      <h3 className="corpora-subtitle">Recent corpora</h3>
      {recent.status === 'ready' && recent.value.saveProblem && (
        <p className="corpora-problem" role="alert" data-fact="recent-save-problem">
          {recent.value.saveProblem}
        </p>
      )}
      {recent.status === 'ready' && (
        <RecentList recent={recent.value.corpora} onOpen={(file) => void openFile(file)} onForget={(file) => void forgetFile(file)} busy={busy} />
      )}
      {recent.status === 'error' && <p className="corpora-problem">{recent.error.message}</p>}
    </section>
  );
}
