import { useCallback, useState } from 'react';
import { LibraryView } from '../features/library/library-view';
import { ReaderView } from '../features/reader/reader-view';
import { api } from '../shared/api';
import { useResult } from '../shared/use-result';

type Route = { view: 'library'; focusId?: string } | { view: 'reader'; id: string };

export function App() {
  const [route, setRoute] = useState<Route>({ view: 'library' });
  const corpus = useResult(() => api().getCorpusInfo(), []);
  const openDocument = useCallback((id: string) => setRoute({ view: 'reader', id }), []);
  const backToLibrary = useCallback(
    () => setRoute((current) => ({ view: 'library', focusId: current.view === 'reader' ? current.id : undefined })),
    [],
  );

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-name">Carrel</h1>
        {corpus.status === 'ready' && (
          <p className="corpus-name" dir="auto" title={corpus.value.fileName}>
            {corpus.value.title}
          </p>
        )}
      </header>
      <main className="app-main">
        {route.view === 'library' ? (
          <LibraryView onOpen={openDocument} focusId={route.focusId} />
        ) : (
          <ReaderView id={route.id} onBack={backToLibrary} />
        )}
      </main>
    </div>
  );
}
