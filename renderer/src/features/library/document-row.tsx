import type { DocumentMeta } from '../../../../electron/common/corpus/corpus-types';
import { formatReadingTime } from '../../../../electron/common/corpus/reading-time';
import { displayTitle } from '../../shared/display-title';

const numberFormat = new Intl.NumberFormat('en');

export function DocumentRow({ doc, onOpen }: { doc: DocumentMeta; onOpen: (id: string) => void }) {
  const byline = [doc.source, doc.author].filter(Boolean).join(' · ');
  return (
    <li className="document-row">
      <button type="button" className="document-open" data-doc-id={doc.id} onClick={() => onOpen(doc.id)}>
        <span className="document-title" dir="auto" lang={doc.language || undefined}>
          {displayTitle(doc.title)}
        </span>
        <span className="document-byline" dir="auto">
          {byline || 'Source not stated'}
        </span>
        <span className="document-stats">
          {numberFormat.format(doc.wordCount)} words · {formatReadingTime(doc.wordCount)}
        </span>
      </button>
    </li>
  );
}
