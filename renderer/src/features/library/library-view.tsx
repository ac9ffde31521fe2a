import { useEffect, useRef, type KeyboardEvent } from 'react';
import { api } from '../../shared/api';
import { ErrorPanel } from '../../shared/error-panel';
import { useResult } from '../../shared/use-result';
import { DocumentRow } from './document-row';

type Props = {
  onOpen: (id: string) => void;
  /** Document to give focus to, e.g. the one the reader just closed. */
  focusId?: string;
};

/** Moves focus between rows with the arrow keys, Home and End. */
function onListKeyDown(event: KeyboardEvent<HTMLUListElement>) {
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button.document-open'));
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const target = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
  if (target === undefined) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, target))]?.focus();
}

export function LibraryView({ onOpen, focusId }: Props) {
  const documents = useResult(() => api().listDocuments(), []);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (documents.status !== 'ready' || !listRef.current) return;
    const selector = focusId ? `button[data-doc-id="${CSS.escape(focusId)}"]` : 'button.document-open';
    listRef.current.querySelector<HTMLButtonElement>(selector)?.focus();
  }, [documents.status, focusId]);

  if (documents.status === 'loading') return <p className="status">Loading the library…</p>;
  if (documents.status === 'error') return <ErrorPanel title="Carrel cannot open its corpus" error={documents.error} />;

  return (
    <section className="library" aria-labelledby="library-title">
      <h2 id="library-title" className="section-title">
        Library <span className="count">{documents.value.length} documents</span>
      </h2>
      {documents.value.length === 0 ? (
        <p className="status">This corpus has no documents.</p>
      ) : (
        <ul className="document-list" ref={listRef} onKeyDown={onListKeyDown}>
          {documents.value.map((doc) => (
            <DocumentRow key={doc.id} doc={doc} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}
