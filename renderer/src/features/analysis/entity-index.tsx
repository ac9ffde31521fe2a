import { useState } from 'react';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntitySummary, type EntityType } from '@common/entities/entity-types';
import { useApiQuery } from '../../shared/data/use-api-query';
import { ErrorPanel } from '../../shared/error-panel';

/** Rows shown at once: the rest are reached by typing to filter. */
const SHOWN = 300;

type Props = { onOpen: (entity: EntitySummary) => void };

/** The entity index: suggested people, organisations, places and dates, by type, filtered as you type. */
export function EntityIndex({ onOpen }: Props) {
  const [type, setType] = useState<EntityType | ''>('');
  const [filter, setFilter] = useState('');
  const [showHidden, setShowHidden] = useState(false);
  const list = useApiQuery('listEntities', { ...(type ? { type } : {}), ...(filter.trim() ? { filter: filter.trim() } : {}), includeHidden: showHidden, limit: SHOWN }, { keepPrevious: true });
  const value = list.value;
  return (
    <>
      <p className="analysis-hint">
        Suggestions: names and dates found in the texts when the corpus was built, spellings of one name merged where the evidence is clear. Check them before relying on
        them; merge, split, rename or hide an entry from its page.
      </p>
      <div className="analysis-options">
        <label>
          Kind
          <select value={type} onChange={(event) => setType(event.target.value as EntityType | '')}>
            <option value="">All kinds</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {ENTITY_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Filter
          <input type="search" className="entity-filter" value={filter} dir="auto" onChange={(event) => setFilter(event.target.value)} placeholder="Type part of a name" />
        </label>
        <label className="analysis-check">
          <input type="checkbox" checked={showHidden} onChange={(event) => setShowHidden(event.target.checked)} />
          Show hidden entries
        </label>
      </div>
      {list.error && <ErrorPanel title="The entity index could not be read" error={list.error} />}
      {list.loading && <p className="analysis-hint">Reading the index…</p>}
      {value && (
        <>
          <p className="analysis-count" aria-live="polite">
            {value.matching.toLocaleString('en')} suggested entr{value.matching === 1 ? 'y' : 'ies'}
            {value.entities.length < value.matching ? ` (the ${value.entities.length} most mentioned: type to filter)` : ''}
          </p>
          {value.entities.length > 0 && (
            <table className="collocates-table entity-table">
              <caption className="visually-hidden">Suggested entities, most mentioned first</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Mentions</th>
                  <th scope="col">Documents</th>
                  <th scope="col">Spellings</th>
                </tr>
              </thead>
              <tbody>
                {value.entities.map((e) => (
                  <tr key={e.key} className={e.hidden ? 'entity-hidden' : undefined}>
                    <th scope="row">
                      <button type="button" className="link-button" dir="auto" onClick={() => onOpen(e)}>
                        {e.name}
                      </button>
                      {e.hidden && <span className="entity-badge">hidden</span>}
                    </th>
                    <td>{ENTITY_TYPE_LABELS[e.type]}</td>
                    <td>{e.mentions.toLocaleString('en')}</td>
                    <td>{e.documents.toLocaleString('en')}</td>
                    <td dir="auto">{e.variants.length > 1 ? e.variants.map((v) => v.name).join(' · ') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
