import { useState } from 'react';
import { BUILD_MIN_WORDS, REPEATED_SORTS, type PassagePlace, type RepeatedSort } from '@common/analysis/repeated-types';
import { useApiQuery } from '../../shared/data/use-api-query';
import { ErrorPanel } from '../../shared/error-panel';

type Props = {
  /** Opens the reader at a passage. */
  onOpen: (passage: { documentId: string; offset: number; end: number }) => void;
};

const SORT_LABELS: Record<RepeatedSort, string> = { size: 'Most places', similarity: 'Closest copies' };
const MIN_WORDS = [BUILD_MIN_WORDS, 15, 30, 60];
const PAGE = 50;

const percent = (similarity: number) => `${Math.round(similarity * 100)} %`;
const placeLabel = (place: PassagePlace) => (place.page ? `p. ${place.page}` : `¶ ${place.paragraph}`);

/**
 * The corpus's repeated passages (found when it was built): groups of paragraphs that stand in
 * several places word for word or nearly, with their documents and how alike; each place a button
 * that opens the passage in the reader.
 */
export function RepeatedPassagesPanel({ onOpen }: Props) {
  const [minWords, setMinWords] = useState(BUILD_MIN_WORDS);
  const [sort, setSort] = useState<RepeatedSort>('size');
  const [shown, setShown] = useState(PAGE);
  const list = useApiQuery('repeatedPassages', { minWords, sort, limit: shown }, { keepPrevious: true });
  const value = list.value;
  return (
    <>
      <div className="analysis-options">
        <label>
          Passages of
          <select
            value={minWords}
            onChange={(event) => {
              setMinWords(Number(event.target.value));
              setShown(PAGE);
            }}
          >
            {MIN_WORDS.map((n) => (
              <option key={n} value={n}>
                {n} words or more
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select value={sort} onChange={(event) => setSort(event.target.value as RepeatedSort)}>
            {REPEATED_SORTS.map((name) => (
              <option key={name} value={name}>
                {SORT_LABELS[name]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.error && <ErrorPanel title="The repeated passages could not be listed" error={list.error} />}
      {list.loading && !value && <p className="analysis-hint">Reading the repeated passages…</p>}
      {value && (
        <>
          <p className="analysis-count repeated-count" aria-live="polite">
            {value.total === 0
              ? `No passage of ${value.minWords} words or more stands in more than one place.`
              : `${value.total.toLocaleString('en')} passage${value.total === 1 ? '' : 's'} of ${value.minWords} words or more stand${value.total === 1 ? 's' : ''} in more than one place`}
          </p>
          {value.groups.length > 0 && (
            <ol className="repeated-groups" aria-label="Repeated passages">
              {value.groups.map((group) => (
                <li key={group.group} className="repeated-group">
                  <p className="repeated-summary">
                    {group.size} places in {group.documents} document{group.documents === 1 ? '' : 's'} ·{' '}
                    {group.similarity === 1 ? 'word for word' : `${percent(group.similarity)} alike or more`}
                  </p>
                  <blockquote className="repeated-preview" dir="auto">
                    {group.preview}
                  </blockquote>
                  <ul className="repeated-places">
                    {group.places.map((place) => (
                      <li key={`${place.documentId}\n${place.paragraph}`}>
                        <button type="button" className="link-button repeated-place" onClick={() => onOpen({ documentId: place.documentId, offset: place.start, end: place.end })}>
                          <bdi>{place.title}</bdi> ({placeLabel(place)}) — {percent(place.similarity)}
                        </button>
                      </li>
                    ))}
                  </ul>
                  {group.places.length < group.size && <p className="repeated-more">and {(group.size - group.places.length).toLocaleString('en')} more places</p>}
                </li>
              ))}
            </ol>
          )}
          {value.groups.length < value.total && (
            <button type="button" className="small-button" onClick={() => setShown((n) => Math.min(n + PAGE, 500))} disabled={shown >= 500 || list.loading}>
              {shown >= 500 ? 'The first 500 are listed (carrel repeated --json lists the rest)' : `Show ${Math.min(PAGE, value.total - value.groups.length)} more`}
            </button>
          )}
          <p className="analysis-hint">
            Similarity is the share of three-word sequences two passages have in common (Jaccard); each place’s figure is to the group’s first. Lines folded away by the reader and passages under{' '}
            {BUILD_MIN_WORDS} words are not counted.
          </p>
        </>
      )}
    </>
  );
}
