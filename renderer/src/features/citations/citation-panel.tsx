import { useEffect, useId, useRef, useState } from 'react';
import { CITATION_STYLE_LABELS, CITATION_STYLES, type CitationStyle } from '@common/citations/citation-types';
import { copyText } from '../../shared/copy-text';
import { useApiMutation } from '../../shared/data/use-api-mutation';
import { useApiQuery } from '../../shared/data/use-api-query';
import type { CiteTarget } from '../../shared/reader-types';
import { EditDetailsDialog } from './edit-details-dialog';
import './citations.css';

type Props = {
  documentId: string;
  /** What "Cite" last asked for in the reader (a selection or a highlight); the document alone without it. */
  target?: CiteTarget;
  /** Bumped at each "Cite": the panel takes focus so the keyboard lands on it. */
  request: number;
};

const STYLE_NAMES = CITATION_STYLES.map((style) => ({ style, label: CITATION_STYLE_LABELS[style] }));

/**
 * The reader's citation section: the document's reference in the style the user picked
 * (remembered in the notes database), "Copy citation", "Copy quote with citation" for the
 * selection or highlight cited, and "Edit details…". citation-js runs in the Node services.
 */
export function CitationPanel({ documentId, target, request }: Props) {
  const ids = { style: useId(), output: useId() };
  const titleRef = useRef<HTMLHeadingElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [editing, setEditing] = useState(false);
  const [copied, setCopied] = useState<{ text: string; status: 'copied' | 'selected' } | null>(null);
  const styleQuery = useApiQuery('getCitationStyle', undefined);
  const setStyle = useApiMutation('setCitationStyle', { failure: 'The citation style was not kept', invalidates: ['getCitationStyle', 'formatCitation'] });
  const style: CitationStyle | undefined = styleQuery.value;
  const input = { documentId, ...(style ? { style } : {}), ...(target ?? {}) };
  const citation = useApiQuery('formatCitation', input, { enabled: style !== undefined, keepPrevious: true });

  useEffect(() => {
    if (request > 0) {
      titleRef.current?.focus({ preventScroll: true });
      titleRef.current?.scrollIntoView({ block: 'nearest' });
    }
  }, [request]);

  const copy = async (text: string) => {
    setCopied({ text, status: 'selected' });
    // The field shows the text first, so the fallback copy selects what is copied.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    setCopied({ text, status: await copyText(text, fieldRef.current) });
  };

  const value = citation.value;
  return (
    <section className="panel-section citation-panel" aria-labelledby="citation-title">
      <h2 id="citation-title" className="panel-title" tabIndex={-1} ref={titleRef}>
        Citation
      </h2>
      <div className="citation-style">
        <label htmlFor={ids.style}>Style</label>
        <select
          id={ids.style}
          value={style ?? ''}
          disabled={!style}
          onChange={(event) => void setStyle.run({ style: event.target.value as CitationStyle })}
        >
          {STYLE_NAMES.map(({ style: s, label }) => (
            <option key={s} value={s}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {citation.error && (
        <p className="inline-error" role="alert">
          The citation could not be made: {citation.error.message}
        </p>
      )}
      {styleQuery.error && (
        <p className="inline-error" role="alert">
          {styleQuery.error.message}
        </p>
      )}
      {value && (
        <>
          {/* The bundled styles are en-US: a reference reads left to right, and an Arabic name or title inside it keeps its own direction. */}
          <p className="citation-reference" dir="ltr">
            {value.reference}
          </p>
          {value.quote !== undefined && (
            <p className="citation-quote" dir="ltr">
              <span className="visually-hidden">Quote cited: </span>“<bdi>{value.quote.length > 160 ? `${value.quote.slice(0, 159)}…` : value.quote}</bdi>” {value.citation}
            </p>
          )}
          <div className="citation-actions">
            <button type="button" className="small-button" onClick={() => void copy(value.quote !== undefined ? value.citation : value.reference)}>
              Copy citation
            </button>
            {value.quoteWithCitation !== undefined && (
              <button type="button" className="small-button" onClick={() => void copy(value.quoteWithCitation!)}>
                Copy quote with citation
              </button>
            )}
            <button type="button" className="small-button" onClick={() => setEditing(true)}>
              Edit details…
            </button>
          </div>
          {value.quote === undefined && <p className="panel-hint">Select text and press Cite (or Cite… on a highlight) to quote it with its paragraph.</p>}
        </>
      )}
      {copied && (
        <div className="citation-output">
          <label htmlFor={ids.output}>{copied.status === 'copied' ? 'Copied:' : 'Selected: press Ctrl+C to copy'}</label>
          <textarea id={ids.output} ref={fieldRef} readOnly dir="ltr" rows={3} value={copied.text} />
          <p className="visually-hidden" role="status">
            {copied.status === 'copied' ? 'Copied to the clipboard.' : 'Copying is not allowed here: the text is selected, press Ctrl+C to copy it.'}
          </p>
        </div>
      )}
      {editing && <EditDetailsDialog documentId={documentId} onClose={() => setEditing(false)} />}
    </section>
  );
}
