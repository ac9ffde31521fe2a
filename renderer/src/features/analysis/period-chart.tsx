import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { DistributionPeriod } from '@common/analysis/analysis-types';
import { rate } from './distribution-chart';

const WIDTH = 760;
const HEIGHT = 240;
const MARGIN = { top: 20, right: 30, bottom: 36, left: 60 };

type Props = { periods: readonly DistributionPeriod[]; query: string };

/** The term's rate per 10,000 words over time (documents with a date, by year or month): a d3-shape line in React SVG. */
export function PeriodChart({ periods, query }: Props) {
  const max = Math.max(0, ...periods.map((p) => p.perTenThousand));
  const x = scalePoint<string>().domain(periods.map((p) => p.period)).range([MARGIN.left, WIDTH - MARGIN.right]).padding(0.5);
  const y = scaleLinear().domain([0, max > 0 ? max : 1]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = line<DistributionPeriod>()
    .x((p) => x(p.period)!)
    .y((p) => y(p.perTenThousand))(periods as DistributionPeriod[]);
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={`Occurrences of ${query} per 10,000 words over time; the table below gives the figures`}>
      <g className="chart-grid">
        {y.ticks(4).map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {rate(tick)}
            </text>
          </g>
        ))}
        {periods.map((p) => (
          <text key={p.period} x={x(p.period)} y={HEIGHT - MARGIN.bottom + 20} textAnchor="middle">
            {p.period}
          </text>
        ))}
      </g>
      {path && <path className="chart-line" d={path} />}
      {periods.map((p) => (
        <circle key={p.period} className="chart-point" cx={x(p.period)} cy={y(p.perTenThousand)} r={4} data-period={p.period} />
      ))}
    </svg>
  );
}
