import { useCallback, useState } from 'react';
import { LibraryView } from '../features/library/library-view';
import { ReaderWithFind } from '../features/reader/reader-with-find';
import { SearchBox } from '../features/search/search-box';
import { api } from '../shared/api';
import { useResult } from '../shared/use-result';

type Route = { view: 'library'; focusId?: string } | { view: 'reader'; id: string; searchQuery?: string };

export function App() {
  const [route, setRoute] = useState<Route>({ view: 'library' });
  const corpus = useResult(() => api().getCorpusInfo(), []);
  const openDocument = useCallback((id: string) => setRoute({ view: 'reader', id }), []);
  const openSearchResult = useCallback((id: string, searchQuery: string) => setRoute({ view: 'reader', id, searchQuery }), []);
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
        <SearchBox onOpen={openSearchResult} />
      </header>
      <main className="app-main">
        {route.view === 'library' ? (
          <LibraryView onOpen={openDocument} focusId={route.focusId} />
        ) : (
          // Keyed by document and query: each opening starts at its first hit.
          <ReaderWithFind key={`${route.id}\n${route.searchQuery ?? ''}`} id={route.id} searchQuery={route.searchQuery} onBack={backToLibrary} />
        )}
      </main>
    </div>
  );
}
