import { ClipboardCheck } from 'lucide-react';
import { evaluationResults, formsInYear } from '../../core/evaluation/results';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { EvaluationTableHead, metricLabel } from './evaluation-table';
import { useI18n } from '../i18n';
import { Explain } from './Explain';
import { ScoreBar } from './ScoreBar';

/** The dashboard's evaluation panel: this year's key figures as bars, and beside Esbjerg's and the municipality's targets in a table. */
export function EvaluationPanel({ file, today, onOpen }: { file: MunicipalityFile; today: string; onOpen?: () => void }) {
  const { t, formatPercent, language } = useI18n();
  if (!file.framework.evaluation) return null;
  const year = Number(today.slice(0, 4));
  const results = evaluationResults(file, `${year}-01`, `${year}-12`);
  const forms = formsInYear(file, year);
  const title = (x: { title: string; titleEn: string }) => (language === 'da' ? x.title : x.titleEn);
  const rows = [
    ...results.register.map((r) => ({
      key: r.metric,
      label: metricLabel(r.metric, results, t),
      percent: r.percent,
      basis: t('eval.of', { count: r.count, of: r.of }),
      benchmark: r.benchmark,
      target: r.target,
    })),
    ...results.items
      .filter((i) => i.benchmark?.positive !== undefined || i.target !== null)
      .map((i) => ({
        key: i.id,
        label: title(i),
        percent: i.all.positive,
        basis: t('eval.of', { count: i.all.counts[3] + i.all.counts[4], of: i.all.answers }),
        benchmark: i.benchmark?.positive ?? null,
        target: i.target,
      })),
  ];
  return (
    <section className="card chart-card" aria-labelledby="dash-evaluation" data-testid="evaluation-panel">
      <h2 id="dash-evaluation">
        <ClipboardCheck className="icon" size={20} aria-hidden="true" />
        {t('eval.panel.title')}
      </h2>
      <p className="card-note">{forms > 0 ? t('eval.panel.collecting', { forms, year }) : t('eval.panel.notCollecting', { year })}</p>
      {rows.map((r) => (
        <ScoreBar key={r.key} label={r.label} percent={r.percent} compact />
      ))}
      {/* Closed, as under every chart: open, the table repeated the bars' figures and made this the dashboard's longest card. */}
      <details className="chart-figures">
        <summary>{t('eval.panel.compare')}</summary>
        <table className="data-table benchmark-table">
          <EvaluationTableHead t={t} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>{formatPercent(r.percent)}</td>
                <td>{r.basis}</td>
                <td>{formatPercent(r.benchmark)}</td>
                <td>{formatPercent(r.target)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p className="card-note">
        {results.sourceTitle && t('eval.source', { source: results.sourceTitle })} <Explain text={t('eval.items.help')} />
      </p>
      {onOpen && (
        <button type="button" onClick={onOpen}>
          {t('eval.panel.more')}
        </button>
      )}
    </section>
  );
}
