import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Snapshot } from '../../core/schema/municipality';
import { useI18n } from '../i18n';

const COLOURS = ['#1d5c8c', '#2f8a4c', '#b0541b', '#7b4fa0', '#b07d12', '#3a7a7a'];

export interface TrendSeries {
  key: string;
  title: string;
  value: (s: Snapshot) => number | null;
}

/** Scores per round as lines; the table below carries the same numbers for screen readers and print. */
export default function TrendChart({ rounds, series, caption }: { rounds: readonly Snapshot[]; series: readonly TrendSeries[]; caption: string }) {
  const { formatDate, formatPercent, t } = useI18n();
  const data = rounds.map((r) => ({ name: `${r.label || formatDate(r.date)}`, ...Object.fromEntries(series.map((s) => [s.key, s.value(r) === null ? null : Math.round(s.value(r)!)])) }));
  // Every round gets its label; with many rounds they lean so they never run into each other.
  const slanted = rounds.length > 4;
  return (
    <div>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={slanted ? 320 : 280}>
          <LineChart data={data} margin={{ left: 0, right: 32, top: 12, bottom: 4 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e3e8ee" vertical={false} />
            <XAxis dataKey="name" interval={0} padding={{ left: 56, right: 56 }} tick={{ fontSize: 12, fill: '#16212c' }} {...(slanted ? { angle: -30, textAnchor: 'end', height: 80 } : { height: 36 })} tickMargin={6} />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12, fill: '#16212c' }} unit="%" width={48} />
            <Tooltip />
            <Legend verticalAlign="top" height={32} />
            {series.map((s, i) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.title} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2.5} dot={{ r: 4 }} label={series.length <= 2 ? { position: 'top', fontSize: 11, fill: '#16212c' } : false} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="table-scroll">
        <table className="data-table">
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
    </div>
  );
}
