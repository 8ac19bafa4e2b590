import { CalendarClock, ChartColumn, ChartLine, Gauge, RefreshCw, TriangleAlert } from 'lucide-react';
import { isOpen, isOverdue } from '../../core/checklist/summary';
import { compareIso } from '../../core/dates';
import { sortedSnapshots } from '../../core/history/snapshot';
import { STATUSES } from '../../core/schema/common';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { scoreItems, type ScoreReport } from '../../core/scoring/score';
import { TallyPanel } from '../components/TallyPanel';
import { EvaluationPanel } from '../components/EvaluationPanel';
import { SignsPanel } from '../components/SignsPanel';
import { SinceRoundCard } from '../components/SinceRoundCard';
import { useI18n } from '../i18n';
import { AfterPaint } from './AfterPaint';
import { ChartFigures, chartSummary } from './ChartFigures';
import DashboardPicture, { type DashboardPictureProps } from './DashboardPicture';

// Drawn just after the numbers (AfterPaint); the box keeps its height so nothing below moves. The box
// is the picture for screen readers too, named by its numbers, since its table starts closed.
function Picture({ height, label, ...props }: DashboardPictureProps & { height: number; label: string }) {
  return (
    <div className="chart" role="img" aria-label={label} style={{ minHeight: height }}>
      <AfterPaint>
        <DashboardPicture {...(props as DashboardPictureProps)} />
      </AfterPaint>
    </div>
  );
}

interface Props {
  file: MunicipalityFile;
  report: ScoreReport;
  today: string;
  onEvaluation?: () => void;
  /** Opens Udvikling, where the whole comparison between rounds is. */
  onHistory?: () => void;
}

/** Each chart is named by its numbers for screen readers; the table under it, closed at first, has the same numbers. */
export function DashboardView({ file, report, today, onEvaluation, onHistory }: Props) {
  const { t, formatPercent, formatDate } = useI18n();
  const phases = report.phases.map((p) => {
    const phase = file.framework.phases.find((candidate) => candidate.id === p.id);
    const focusAreas = (phase?.focusAreas ?? []).map((area) => ({ id: area.id, title: area.title, percent: scoreItems(area.id, area.title, file.items.filter((i) => i.focusAreaIds.includes(area.id))).percent }));
    return { id: p.id, title: p.title, percent: p.percent, focusAreas };
  });
  const counts = STATUSES.map((s) => ({ status: s, name: t(`status.${s}`), count: report.overall.counts[s] }));
  const dated = file.items.filter((i) => isOpen(i) && i.dueDate !== undefined).sort((a, b) => compareIso(a.dueDate!, b.dueDate!));
  const overdue = dated.filter((i) => isOverdue(i, today));
  const upcoming = dated.filter((i) => !isOverdue(i, today)).slice(0, 8);
  const rounds = sortedSnapshots(file);
  const phaseFigures = report.phases.map((p) => [p.title, formatPercent(p.percent)] as const);
  const driverFigures = report.drivers.map((d) => [d.title, formatPercent(d.percent)] as const);
  const countFigures = counts.map((c) => [c.name, String(c.count)] as const);

  const trendCard = (
    <section className="card chart-card" aria-labelledby="dash-trend">
      <h2 id="dash-trend">
        <ChartLine className="icon" size={20} aria-hidden="true" />
        {t('history.trend')}
      </h2>
      {rounds.length < 2 ? (
        <p className="muted">{t('dashboard.trendLater')}</p>
      ) : (
        <DashboardPicture
          kind="trend"
          rounds={rounds}
          caption={t('history.trend')}
          series={[{ key: 'overall', title: t('score.overall'), value: (s) => s.scores.overall }, ...file.framework.drivers.map((d) => ({ key: d.id, title: d.title, value: (s: (typeof rounds)[number]) => s.scores.drivers[d.id] ?? null }))]}
        />
      )}
    </section>
  );

  // From 1280 px two columns: the pictures on the left; what is late, what is next and what changed on the
  // right, so a management team sees them in the first screen; above them, a few lines on what changed since the last round. Narrower, one grid with the actions after the wheel.
  return (
    <div className="dashboard">
      <div className="dashboard-main">
        <section className="card chart-card is-span-2 dashboard-wheel" aria-labelledby="dash-wheel">
          <h2 id="dash-wheel">
            <RefreshCw className="icon" size={20} aria-hidden="true" />
            {t('dashboard.wheel')}
          </h2>
          <Picture kind="wheel" phases={phases} height={360} label={chartSummary(t, t('dashboard.wheel'), phaseFigures)} />
          <ScoreTable rows={phaseFigures.map(([title, value]) => [t('design.phaseLabel', { title }), value])} headers={[t('dashboard.table.group'), t('dashboard.table.score')]} />
        </section>

        <section className="card chart-card" aria-labelledby="dash-drivers">
          <h2 id="dash-drivers">
            <Gauge className="icon" size={20} aria-hidden="true" />
            {t('dashboard.drivers')}
          </h2>
          <Picture kind="drivers" drivers={report.drivers} height={220} label={chartSummary(t, t('dashboard.drivers'), driverFigures)} />
          <ScoreTable rows={driverFigures.map(([title, value]) => [t('design.driverLabel', { title }), value])} headers={[t('dashboard.table.group'), t('dashboard.table.score')]} />
        </section>

        <section className="card chart-card" aria-labelledby="dash-status">
          <h2 id="dash-status">
            <ChartColumn className="icon" size={20} aria-hidden="true" />
            {t('dashboard.status')}
          </h2>
          <Picture kind="status" counts={counts} height={132} label={chartSummary(t, t('dashboard.status'), countFigures)} />
          <ScoreTable rows={countFigures} headers={[t('status.label'), t('dashboard.table.count')]} />
        </section>
        <SignsPanel file={file} />
        <EvaluationPanel file={file} today={today} {...(onEvaluation ? { onOpen: onEvaluation } : {})} />
      </div>

      <div className="dashboard-side">
        <SinceRoundCard file={file} today={today} {...(onHistory ? { onOpen: onHistory } : {})} />
        <section className="card chart-card dashboard-actions" aria-labelledby="dash-overdue">
          <h2 id="dash-overdue">
            <TriangleAlert className="icon" size={20} aria-hidden="true" />
            {t('dashboard.overdue')}
          </h2>
          <ActionTable items={overdue} empty={t('dashboard.noneOverdue')} formatDate={formatDate} overdue />
          <h2 id="dash-upcoming">
            <CalendarClock className="icon" size={20} aria-hidden="true" />
            {t('dashboard.upcoming')}
          </h2>
          <ActionTable items={upcoming} empty={t('dashboard.noneUpcoming')} formatDate={formatDate} />
        </section>
        {trendCard}
        {file.framework.tally && <TallyPanel file={file} today={today} readOnly />}
      </div>
    </div>
  );
}

function ScoreTable({ rows, headers }: { rows: ReadonlyArray<readonly [string, string]>; headers: string[] }) {
  const { t } = useI18n();
  return (
    <ChartFigures>
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
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFigures>
  );
}

function ActionTable({ items, empty, formatDate, overdue = false }: { items: MunicipalityFile['items']; empty: string; formatDate: (d: string) => string; overdue?: boolean }) {
  const { t } = useI18n();
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="data-table action-table">
      <colgroup>
        <col className="col-item" />
        <col className="col-owner" />
        <col className="col-due" />
      </colgroup>
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
            <td>
              {/* Two lines at most, so a long step does not fill the card; the whole title on hover and for screen readers. */}
              <span className="two-lines" title={i.title}>
                {i.title}
              </span>
            </td>
            <td>{i.owner || '–'}</td>
            <td className="due">
              {overdue && <TriangleAlert className="icon" size={14} aria-hidden="true" />} {formatDate(i.dueDate!)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
