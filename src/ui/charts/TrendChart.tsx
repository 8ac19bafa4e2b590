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
  return (
    <div>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data} margin={{ left: 0, right: 24, top: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e3e8ee" />
            <XAxis dataKey="name" tick={{ fontSize: 12, fill: '#1f2933' }} />
            <YAxis domain={[0, 100]} tick={{ fontSize: 12, fill: '#1f2933' }} unit="%" />
            <Tooltip />
            <Legend />
            {series.map((s, i) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.title} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
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
  );
}
