import type { NotebookEntry } from '@common/notes/notebook-types';
import { MarkdownView } from '../../shared/markdown-view';
import { COLOR_LABELS } from './highlight-colors';

export type NotebookJump = { documentId: string; offset?: number; end?: number; highlightId?: string; noteId?: string };

type Props = {
  entry: NotebookEntry;
  /** Names the entry in the page (data-entry-key), for focus to find it after a delete. */
  entryKey: string;
  documentId: string;
  available: boolean;
  onOpen: (jump: NotebookJump) => void;
  onDelete: (entry: NotebookEntry) => void;
};

function Tags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <span className="entry-tags">
      {tags.map((t) => (
        <span key={t} className="badge badge-tag" dir="auto">
          #{t}
        </span>
      ))}
    </span>
  );
}

function jumpOf(entry: NotebookEntry, documentId: string): NotebookJump {
  if (entry.kind === 'bookmark') return { documentId, offset: entry.bookmark.offset };
  if (entry.kind === 'note') return { documentId, noteId: entry.note.id };
  const { anchor, id } = entry.highlight;
  return anchor.status === 'orphaned' ? { documentId, highlightId: id } : { documentId, offset: anchor.start, end: anchor.end, highlightId: id };
}

/** One highlight, note or bookmark; its main button (click or Enter) opens its place in the reader. */
export function NotebookEntryView({ entry, entryKey, documentId, available, onOpen, onDelete }: Props) {
  const open = () => onOpen(jumpOf(entry, documentId));
  let head;
  let body = null;
  let tags: readonly string[] = [];
  if (entry.kind === 'highlight') {
    const h = entry.highlight;
    head = (
      <>
        <span className={`dot dot-${h.color}`} aria-label={COLOR_LABELS[h.color]} />
        <span className="entry-quote" dir="auto">
          {h.quote.exact}
        </span>
      </>
    );
    if (h.note.trim()) body = <MarkdownView source={h.note} className="entry-note" />;
    tags = h.tags;
  } else if (entry.kind === 'note') {
    head = <span className="entry-kind">Document note</span>;
    body = <MarkdownView source={entry.note.body} className="entry-note" />;
    tags = entry.note.tags;
  } else {
    head = (
      <>
        <span className="bookmark-icon" aria-hidden="true" />
        <span dir="auto">{entry.bookmark.label || 'Bookmark (no label)'}</span>
      </>
    );
  }
  const orphaned = entry.kind === 'highlight' && entry.highlight.anchor.status === 'orphaned';
  const toReview = entry.kind === 'highlight' && entry.highlight.needsReview && !orphaned;
  return (
    <li className={`notebook-entry kind-${entry.kind}`} data-entry-key={entryKey}>
      <div className="entry-main">
        <button type="button" className="entry-open" disabled={!available} onClick={open} title={available ? 'Open in the reader' : 'This document is no longer in the corpus'}>
          {head}
        </button>
        <button type="button" className="icon-button" aria-label={`Delete this ${entry.kind}`} title="Delete" onClick={() => onDelete(entry)}>
          ×
        </button>
      </div>
      {(orphaned || toReview || tags.length > 0 || entry.page) && (
        <div className="entry-meta">
          {entry.page && <span className="badge badge-page">p. {entry.page}</span>}
          {orphaned && <span className="badge badge-warning">not found in the current text</span>}
          {toReview && <span className="badge badge-warning">moved: to review</span>}
          <Tags tags={tags} />
        </div>
      )}
      {body}
    </li>
  );
}
