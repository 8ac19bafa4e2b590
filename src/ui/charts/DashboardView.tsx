import { Bar, BarChart, Cell, Pie, PieChart, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { isOpen, isOverdue } from '../../core/checklist/summary';
import { sortedSnapshots } from '../../core/history/snapshot';
import { TallyPanel } from '../components/TallyPanel';
import TrendChart from './TrendChart';
import { STATUSES } from '../../core/schema/common';
import type { MunicipalityFile } from '../../core/schema/municipality';
import type { ScoreReport } from '../../core/scoring/score';
import { scoreColour } from '../components/ScoreBar';
import { useI18n } from '../i18n';

const STATUS_COLOUR = { not_started: '#9aa3ad', in_progress: '#d49a1f', in_place: '#2f8a4c', not_relevant: '#d8dde2' } as const;

interface Props {
  file: MunicipalityFile;
  report: ScoreReport;
  today: string;
}

/** Each chart is decorative for screen readers; the table under it carries the same numbers. */
export default function DashboardView({ file, report, today }: Props) {
  const { t, formatPercent, formatDate } = useI18n();
  const drivers = report.drivers.map((d) => ({ name: d.title, score: Math.round(d.percent ?? 0) }));
  const phases = report.phases.map((p) => ({ name: p.title, value: 1, percent: p.percent }));
  const counts = STATUSES.map((s) => ({ status: s, name: t(`status.${s}`), count: report.overall.counts[s] }));
  const dated = file.items.filter((i) => isOpen(i) && i.dueDate !== undefined).sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
  const overdue = dated.filter((i) => isOverdue(i, today));
  const upcoming = dated.filter((i) => !isOverdue(i, today)).slice(0, 8);
  const rounds = sortedSnapshots(file);

  return (
    <div className="dashboard">
      <section className="card chart-card" aria-labelledby="dash-drivers">
        <h2 id="dash-drivers">{t('dashboard.drivers')}</h2>
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={260}>
            <RadarChart data={drivers} outerRadius="72%" accessibilityLayer={false}>
              <PolarGrid />
              <PolarAngleAxis dataKey="name" tick={{ fontSize: 13, fill: '#1f2933' }} />
              <PolarRadiusAxis domain={[0, 100]} tickCount={5} tick={{ fontSize: 10 }} />
              <Radar dataKey="score" stroke="#1d5c8c" fill="#1d5c8c" fillOpacity={0.35} isAnimationActive={false} />
            </RadarChart>
          </ResponsiveContainer>
        </div>
        <ScoreTable rows={report.drivers.map((d) => [d.title, formatPercent(d.percent)])} headers={[t('dashboard.table.group'), t('dashboard.table.score')]} />
      </section>

      <section className="card chart-card" aria-labelledby="dash-wheel">
        <h2 id="dash-wheel">{t('dashboard.wheel')}</h2>
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={260}>
            <PieChart accessibilityLayer={false}>
              <Pie
                data={phases}
                dataKey="value"
                nameKey="name"
                innerRadius="45%"
                outerRadius="80%"
                rootTabIndex={-1}
                startAngle={90}
                endAngle={-270}
                isAnimationActive={false}
                label={({ name, payload }: { name?: string; payload?: { percent: number | null } }) => `${name ?? ''} ${formatPercent(payload?.percent ?? null)}`}
                labelLine={false}
              >
                {phases.map((p) => (
                  <Cell key={p.name} fill={scoreColour(p.percent)} stroke="#fff" strokeWidth={3} />
                ))}
              </Pie>
            </PieChart>
          </ResponsiveContainer>
        </div>
        <ScoreTable rows={report.phases.map((p) => [p.title, formatPercent(p.percent)])} headers={[t('dashboard.table.group'), t('dashboard.table.score')]} />
      </section>

      <section className="card chart-card" aria-labelledby="dash-status">
        <h2 id="dash-status">{t('dashboard.status')}</h2>
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={counts} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 13, fill: '#1f2933' }} />
              <Bar dataKey="count" isAnimationActive={false} label={{ position: 'right', fill: '#1f2933' }}>
                {counts.map((c) => (
                  <Cell key={c.status} fill={STATUS_COLOUR[c.status]} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
        <ScoreTable rows={counts.map((c) => [c.name, String(c.count)])} headers={[t('status.label'), t('dashboard.table.count')]} />
      </section>

      <section className="card" aria-labelledby="dash-overdue">
        <h2 id="dash-overdue">{t('dashboard.overdue')}</h2>
        <ActionTable items={overdue} empty={t('dashboard.noneOverdue')} formatDate={formatDate} overdue />
        <h2 id="dash-upcoming">{t('dashboard.upcoming')}</h2>
        <ActionTable items={upcoming} empty={t('dashboard.noneUpcoming')} formatDate={formatDate} />
      </section>

      <section className="card chart-card" aria-labelledby="dash-trend">
        <h2 id="dash-trend">{t('history.trend')}</h2>
        {rounds.length < 2 ? (
          <p className="muted">{t('dashboard.trendLater')}</p>
        ) : (
          <TrendChart
            rounds={rounds}
            caption={t('history.trend')}
            series={[{ key: 'overall', title: t('score.overall'), value: (s) => s.scores.overall }, ...file.framework.drivers.map((d) => ({ key: d.id, title: d.title, value: (s: (typeof rounds)[number]) => s.scores.drivers[d.id] ?? null }))]}
          />
        )}
      </section>
      {file.framework.tally && <TallyPanel file={file} today={today} readOnly />}
    </div>
  );
}

function ScoreTable({ rows, headers }: { rows: string[][]; headers: string[] }) {
  const { t } = useI18n();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('dashboard.chartTable')}</caption>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, ...values]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {values.map((v, i) => (
              <td key={i}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ActionTable({ items, empty, formatDate, overdue = false }: { items: MunicipalityFile['items']; empty: string; formatDate: (d: string) => string; overdue?: boolean }) {
  const { t } = useI18n();
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.table.item')}</th>
          <th scope="col">{t('dashboard.table.owner')}</th>
          <th scope="col">{t('dashboard.table.due')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id} className={overdue ? 'is-overdue' : undefined}>
            <td>{i.title}</td>
            <td>{i.owner || '–'}</td>
            <td>
              {overdue && '⚠ '}
              {formatDate(i.dueDate!)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
