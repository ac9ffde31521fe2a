import { useEffect, useRef } from 'react';
import type { DocumentView } from '../../../../electron/common/corpus/corpus-types';
import { formatReadingTime } from '../../../../electron/common/corpus/reading-time';
import { api } from '../../shared/api';
import { DecoratedText } from '../../shared/decorated-text';
import type { Decoration } from '../../shared/decorations';
import { ErrorPanel } from '../../shared/error-panel';
import { useResult } from '../../shared/use-result';

type Props = {
  id: string;
  onBack: () => void;
  /** Marks to draw over the text (search hits, highlights), supplied by the app. */
  decorations?: readonly Decoration[];
  /** A decoration to scroll into view (e.g. the current search hit) once the document is shown. */
  scrollToDecorationId?: string;
};

const NO_DECORATIONS: readonly Decoration[] = [];

function DocumentBody({ doc, decorations }: { doc: DocumentView; decorations: readonly Decoration[] }) {
  return (
    <div className="document-body" lang={doc.language || undefined}>
      {doc.paragraphs.map((p) => (
        <p key={p.start} dir="auto" data-start={p.start} data-end={p.end}>
          <DecoratedText text={doc.text} start={p.start} end={p.end} decorations={decorations} />
        </p>
      ))}
    </div>
  );
}

export function ReaderView({ id, onBack, decorations = NO_DECORATIONS, scrollToDecorationId }: Props) {
  const doc = useResult(() => api().getDocument({ id }), [id]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (doc.status === 'ready') headingRef.current?.focus();
  }, [doc.status]);

  // After the heading's focus above, so the hit, not the title, ends up in view.
  useEffect(() => {
    if (doc.status !== 'ready' || !scrollToDecorationId) return;
    document.querySelector(`[data-decoration-id="${CSS.escape(scrollToDecorationId)}"]`)?.scrollIntoView({ block: 'center' });
  }, [doc.status, scrollToDecorationId]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented) return; // already handled, e.g. Escape closing a find bar or a field
      if (event.key === 'Escape' || (event.altKey && event.key === 'ArrowLeft')) {
        event.preventDefault();
        onBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  return (
    <article className="reader" aria-busy={doc.status === 'loading'}>
      <nav className="reader-nav">
        <button type="button" className="back-button" onClick={onBack} title="Back to the library (Esc)">
          ← Library
        </button>
      </nav>
      {doc.status === 'loading' && <p className="status">Opening the document…</p>}
      {doc.status === 'error' && <ErrorPanel title="This document cannot be opened" error={doc.error} />}
      {doc.status === 'ready' && (
        <>
          <header className="reader-header">
            <h2 className="reader-title" dir="auto" tabIndex={-1} ref={headingRef}>
              {doc.value.title}
            </h2>
            <p className="reader-meta" dir="auto">
              {[doc.value.source, doc.value.author].filter(Boolean).join(' · ') || 'Source not stated'}
              {' · '}
              {formatReadingTime(doc.value.wordCount)}
            </p>
          </header>
          <DocumentBody doc={doc.value} decorations={decorations} />
        </>
      )}
    </article>
  );
}
