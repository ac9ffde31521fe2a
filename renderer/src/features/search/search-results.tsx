import { useEffect, useRef } from 'react';
import type { SearchResult } from '@common/search/search-types';
import { SnippetText } from './snippet-text';
import { displayTitle } from '../../shared/display-title';

type Props = {
  id: string;
  results: readonly SearchResult[];
  active: number;
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
};

export function resultOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

const integer = new Intl.NumberFormat('en');

/** The ranked results as a listbox; focus stays in the search field (aria-activedescendant). */
export function SearchResults({ id, results, active, onActivate, onOpen }: Props) {
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (active < 0) return;
    listRef.current?.querySelector(`#${CSS.escape(resultOptionId(id, active))}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  return (
    <ul className="search-results" role="listbox" id={id} aria-label="Search results" ref={listRef}>
      {results.map((result, i) => (
        <li
          key={result.id}
          id={resultOptionId(id, i)}
          role="option"
          aria-selected={i === active}
          className="search-result"
          data-doc-id={result.id}
          // Keep focus in the field so the keyboard keeps working after a click.
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={() => i !== active && onActivate(i)}
          onClick={() => onOpen(i)}
        >
          <span className="search-result-title" dir="auto">
            {displayTitle(result.title)}
          </span>
          <span className="search-result-meta">
            <span dir="auto">{result.source || 'Source not stated'}</span>
            {' · '}
            {integer.format(result.hitCount)} {result.hitCount === 1 ? 'hit' : 'hits'}
          </span>
          {result.snippets.map((snippet) => (
            <SnippetText key={snippet.offset} snippet={snippet} />
          ))}
        </li>
      ))}
    </ul>
  );
}
