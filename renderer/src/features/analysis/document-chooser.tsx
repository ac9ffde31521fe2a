import { useMemo, useState } from 'react';
import { useApiQuery } from '../../shared/data/use-api-query';

/** Titles shown at once in the chooser; the filter finds the others. */
const SHOWN = 200;

type Props = { chosen: readonly string[]; onChange: (ids: string[]) => void };

/** Which documents a word list counts: all of them, or those ticked (filtered by title). */
export function DocumentChooser({ chosen, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const documents = useApiQuery('listDocuments', undefined, { enabled: open });
  const shown = useMemo(() => {
    const wanted = filter.trim().toLocaleLowerCase();
    return (documents.value ?? []).filter((doc) => !wanted || doc.title.toLocaleLowerCase().includes(wanted)).slice(0, SHOWN);
  }, [documents.value, filter]);
  const set = new Set(chosen);
  const toggle = (id: string) => onChange(set.has(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  return (
    <details className="document-chooser" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{chosen.length === 0 ? 'All documents' : `${chosen.length.toLocaleString('en')} document${chosen.length === 1 ? '' : 's'} chosen`}</summary>
      <div className="document-chooser-body">
        <label className="document-chooser-filter">
          <span>Find a title</span>
          <input type="search" value={filter} dir="auto" onChange={(event) => setFilter(event.target.value)} />
        </label>
        {chosen.length > 0 && (
          <button type="button" className="link-button" onClick={() => onChange([])}>
            Count all documents again
          </button>
        )}
        {documents.loading && <p className="analysis-hint">Listing the documents…</p>}
        <ul className="document-chooser-list" aria-label="Documents to count">
          {shown.map((doc) => (
            <li key={doc.id}>
              <label>
                <input type="checkbox" checked={set.has(doc.id)} onChange={() => toggle(doc.id)} />
                <span dir="auto">{doc.title}</span>
              </label>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
