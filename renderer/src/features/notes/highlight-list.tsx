import type { Highlight } from '@common/notes/notes-types';
import type { MarginLabel } from '../../shared/decorations';
import { COLOR_LABELS } from './highlight-colors';

type Props = {
  highlights: readonly Highlight[];
  selectedId: string | null;
  onSelect: (highlight: Highlight) => void;
  /** The printed page of an offset, in a paginated (PDF) document. */
  pageOf?: (offset: number) => string | undefined;
  /** Labels another feature gives a highlight (its codes), shown as badges. */
  labelsOf?: (highlightId: string) => readonly MarginLabel[];
};

function byPosition(a: Highlight, b: Highlight): number {
  const at = (h: Highlight) => (h.anchor.status === 'orphaned' ? Number.MAX_SAFE_INTEGER : h.anchor.start);
  return at(a) - at(b);
}

/** The document's highlights in reading order; the keyboard way to reach each one. */
export function HighlightList({ highlights, selectedId, onSelect, pageOf, labelsOf }: Props) {
  return (
    <ul className="highlight-list">
      {[...highlights].sort(byPosition).map((h) => {
        const page = h.anchor.status === 'orphaned' ? undefined : pageOf?.(h.anchor.start);
        const labels = labelsOf?.(h.id) ?? [];
        return (
          <li key={h.id}>
            <button
              type="button"
              className={`highlight-item${h.id === selectedId ? ' selected' : ''}`}
              aria-current={h.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(h)}
            >
              <span className={`dot dot-${h.color}`} aria-label={COLOR_LABELS[h.color]} />
              <span className="highlight-item-text" dir="auto">
                {h.quote.exact.length > 120 ? `${h.quote.exact.slice(0, 120)}…` : h.quote.exact}
              </span>
              {(h.note.trim() || h.tags.length > 0 || h.anchor.status === 'orphaned' || page || labels.length > 0) && (
                <span className="highlight-item-meta">
                  {page && <span className="badge badge-page">p. {page}</span>}
                  {h.anchor.status === 'orphaned' && <span className="badge badge-warning">not found</span>}
                  {h.note.trim() && <span className="badge">note</span>}
                  {labels.map((l) => (
                    <span key={`label:${l.text}`} className={`badge ${l.className}`} dir="auto">
                      {l.text}
                    </span>
                  ))}
                  {h.tags.map((t) => (
                    <span key={t} className="badge badge-tag" dir="auto">
                      #{t}
                    </span>
                  ))}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
