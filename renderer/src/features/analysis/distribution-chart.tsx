import { scaleBand, scaleLinear } from 'd3-scale';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { DistributionDocument } from '@common/analysis/analysis-types';

const WIDTH = 760;
const LEFT = 250;
const RIGHT = 70;
const TOP = 26;
const BAR = 24;

/** At most this many characters of a title beside its bar (the table gives it whole). */
const TITLE_CHARS = 34;
const short = (title: string) => (title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1)}…` : title);
export const rate = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });

type Props = {
  documents: readonly DistributionDocument[];
  query: string;
  /** Opens the concordance of the query in one document. */
  onOpen: (documentId: string) => void;
};

/**
 * One horizontal bar per document, its length the term's occurrences per 10,000 of the
 * document's words: d3-scale for the geometry, React for the SVG. Colours come from the theme
 * through CSS classes (no style attributes). Each bar is a button: Tab reaches the chart (one
 * stop), the arrows, Home and End move between bars, Enter or Space opens the concordance of the
 * term in that document.
 */
export function DistributionChart({ documents, query, onOpen }: Props) {
  const height = TOP + documents.length * BAR + 8;
  const max = Math.max(0, ...documents.map((d) => d.perTenThousand));
  const x = scaleLinear().domain([0, max > 0 ? max : 1]).nice().range([LEFT, WIDTH - RIGHT]);
  const y = scaleBand<number>().domain(documents.map((_, i) => i)).range([TOP, TOP + documents.length * BAR]).padding(0.2);
  const [active, setActive] = useState(0);
  const svg = useRef<SVGSVGElement>(null);
  const keyDown = (event: KeyboardEvent, index: number, id: string) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(id);
      return;
    }
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: documents.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(documents.length - 1, target));
    setActive(next);
    svg.current?.querySelectorAll<SVGGElement>('.chart-bar')[next]?.focus();
  };
  return (
    <svg ref={svg} className="chart" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="group" aria-label={`Occurrences of ${query} per 10,000 words, by document`}>
      <g className="chart-grid" aria-hidden="true">
        {x.ticks(5).map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - 8} />
            <text x={x(tick)} y={TOP - 10} textAnchor="middle">
              {rate(tick)}
            </text>
          </g>
        ))}
      </g>
      {documents.map((doc, i) => {
        const top = y(i)!;
        const width = Math.max(0, x(doc.perTenThousand) - LEFT);
        return (
          <g
            key={doc.id}
            className="chart-bar"
            role="button"
            tabIndex={i === active ? 0 : -1}
            data-document={doc.id}
            data-rate={doc.perTenThousand}
            aria-label={`${doc.title}: ${rate(doc.perTenThousand)} per 10,000 words (${doc.occurrences.toLocaleString('en')} in ${doc.words.toLocaleString('en')} words). Opens the concordance in this document`}
            onClick={() => onOpen(doc.id)}
            onFocus={() => setActive(i)}
            onKeyDown={(event) => keyDown(event, i, doc.id)}
          >
            <rect className="chart-bar-hit" x={0} y={top - 2} width={WIDTH} height={y.bandwidth() + 4} />
            <text className="chart-label" x={LEFT - 8} y={top + y.bandwidth() / 2} textAnchor="end" dominantBaseline="middle">
              {short(doc.title)}
            </text>
            <rect className="chart-bar-fill" x={LEFT} y={top} width={width} height={y.bandwidth()} />
            <text className="chart-value" x={LEFT + width + 6} y={top + y.bandwidth() / 2} dominantBaseline="middle">
              {rate(doc.perTenThousand)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
