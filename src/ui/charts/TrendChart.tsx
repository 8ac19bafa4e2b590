import type { Snapshot } from '../../core/schema/municipality';
import { useI18n } from '../i18n';
import { AfterPaint } from './AfterPaint';
import { ChartFigures } from './ChartFigures';
import { LABEL_ANGLE, LABEL_DROP, linePath, shortenLabel, TREND_TICKS, trendLayout } from './trend-layout';
import { useWidth } from './useWidth';
import { DRIVER_COLOURS } from './palettes';

/** The legend's line above the picture (a 14 px line and its margin). */
const LEGEND_HEIGHT = 30;

export interface TrendSeries {
  key: string;
  title: string;
  value: (s: Snapshot) => number | null;
}

/** The lines, at the width TrendChart measured for its box. */
function TrendPicture({ rounds, series, colours, width }: { rounds: readonly Snapshot[]; series: readonly TrendSeries[]; colours: readonly string[]; width: number }) {
  const { formatDate, formatPercent } = useI18n();
  const name = (r: Snapshot) => r.label || formatDate(r.date);
  const layout = trendLayout(width, rounds.length, Math.max(0, ...rounds.map((r) => name(r).length)));
  const { plot, xs, y } = layout;
  const values = series.map((s) =>
    rounds.map((r) => {
      const value = s.value(r);
      return value === null ? null : Math.round(value);
    }),
  );
  return (
    <div className="chart trend-chart" aria-hidden="true">
      <div className="chart-legend">
        {series.map((s, i) => (
          <span key={s.key} className="chart-legend-item">
            <span className="chart-swatch" style={{ background: colours[i % colours.length] }} />
            {s.title}
          </span>
        ))}
      </div>
      <svg className="trend-svg" width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="presentation">
        {TREND_TICKS.map((tick) => (
          <g key={tick}>
            <line x1={plot.left} x2={plot.right} y1={y(tick)} y2={y(tick)} stroke="#e3e8ee" />
            <text className="trend-y-label" x={plot.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
              {formatPercent(tick)}
            </text>
          </g>
        ))}
        {rounds.map((r, n) => {
          const full = name(r);
          const shown = shortenLabel(full, layout.maxLabel);
          const x = xs[n]!;
          const labelY = plot.bottom + LABEL_DROP;
          return (
            <text
              key={r.id}
              className="trend-x-label"
              x={x}
              y={labelY}
              textAnchor={layout.slanted ? 'end' : 'middle'}
              transform={layout.slanted ? `rotate(-${LABEL_ANGLE} ${x} ${labelY})` : undefined}
            >
              {shown !== full && <title>{full}</title>}
              {shown}
            </text>
          );
        })}
        {series.map((s, i) => {
          const colour = colours[i % colours.length];
          const points = values[i]!.map((v, n) => (v === null ? null : { x: xs[n]!, y: y(v) }));
          return (
            <g key={s.key} className="trend-series">
              <path d={linePath(points)} fill="none" stroke={colour} strokeWidth={2.5} strokeLinejoin="round" />
              {points.map((p, n) =>
                p === null ? null : (
                  <g key={rounds[n]!.id}>
                    <circle cx={p.x} cy={p.y} r={4.5} fill="#fff" stroke={colour} strokeWidth={2.5}>
                      <title>{`${name(rounds[n]!)} · ${s.title}: ${formatPercent(values[i]![n]!)}`}</title>
                    </circle>
                    {series.length <= 2 && (
                      <text className="trend-point-label" x={p.x} y={p.y - 10} textAnchor="middle">
                        {formatPercent(values[i]![n]!)}
                      </text>
                    )}
                  </g>
                ),
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/**
 * Scores per round as lines, drawn as our own SVG (recharts was 380 KB of code and most of the
 * dashboard's start-up); every round is labelled. The lines are drawn just after the numbers
 * (AfterPaint): the picture's name says where each line starts and ends, and the table under it
 * (closed at first) has every round.
 */
export default function TrendChart({ rounds, series, caption, colours = DRIVER_COLOURS }: { rounds: readonly Snapshot[]; series: readonly TrendSeries[]; caption: string; colours?: readonly string[] }) {
  const { formatDate, formatPercent, t } = useI18n();
  // Measured once here: the room kept before the picture is drawn is its height at this width, and the picture is drawn at it.
  const [box, width] = useWidth<HTMLDivElement>(480);
  const first = rounds[0];
  const last = rounds.at(-1);
  const lines = series.map((s) =>
    t('design.chart.trendSeries', { series: s.title, from: formatPercent(first ? s.value(first) : null), to: formatPercent(last ? s.value(last) : null) }),
  );
  return (
    <div className="trend-block">
      {/* The box keeps the picture's height (legend included) so the table does not jump when it is drawn. */}
      <div
        ref={box}
        role="img"
        aria-label={t('design.chart.trendSummary', { title: caption, count: rounds.length, figures: lines.join(', ') })}
        style={{ minHeight: trendLayout(width, rounds.length, Math.max(0, ...rounds.map((r) => (r.label || formatDate(r.date)).length))).height + LEGEND_HEIGHT }}
      >
        <AfterPaint>
          <TrendPicture rounds={rounds} series={series} colours={colours} width={width} />
        </AfterPaint>
      </div>
      <ChartFigures>
        <div className="table-scroll">
          <table className="data-table trend-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.date')}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.label ? `${r.label} – ` : ''}
                    {formatDate(r.date)}
                  </th>
                  {series.map((s) => (
                    <td key={s.key}>{formatPercent(s.value(r))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ChartFigures>
    </div>
  );
}
