import type { EvaluationColumns, PortfolioRow } from '../../core/portfolio';
import { useI18n } from '../i18n';

/** Every evaluation column, for a portfolio made before the method's own columns were recorded. */
export const ALL_EVALUATION_COLUMNS: EvaluationColumns = { stage: true, planRate: true, satisfaction: true, followUpRate: true };

/** How many columns the evaluation adds, for spacer rows that span the table. */
export function evaluationColumnCount(columns: EvaluationColumns | null): number {
  return columns ? Object.values(columns).filter(Boolean).length : 0;
}

/**
 * The portfolio's evaluation columns (issue 12): stage, plan rate, satisfaction, follow-up rate over the last
 * twelve months; only those the method's evaluation definition has (issue 13), null for none.
 */
export function PortfolioEvaluationHeaders({ columns }: { columns: EvaluationColumns | null }) {
  const { t } = useI18n();
  if (!columns) return null;
  return (
    <>
      {columns.stage && (
        <th scope="col" title={t('stage.explain')}>
          <span className="portfolio-head-text">{t('stage.label')}</span>
        </th>
      )}
      {columns.planRate && (
        <th scope="col" title={t('portfolio.eval.explain')}>
          <span className="portfolio-head-text">{t('eval.metric.plan_rate')}</span>
        </th>
      )}
      {columns.satisfaction && (
        <th scope="col" title={t('portfolio.eval.explain')}>
          <span className="portfolio-head-text">{t('portfolio.eval.satisfaction')}</span>
        </th>
      )}
      {columns.followUpRate && (
        <th scope="col" title={t('portfolio.eval.explain')}>
          <span className="portfolio-head-text">{t('portfolio.eval.followUp')}</span>
        </th>
      )}
    </>
  );
}

export function PortfolioEvaluationCells({ row, columns }: { row: PortfolioRow; columns: EvaluationColumns | null }) {
  const { formatPercent } = useI18n();
  if (!columns) return null;
  const e = row.evaluation ?? null;
  return (
    <>
      {columns.stage && <td>{e?.stage ?? '–'}</td>}
      {columns.planRate && <td>{formatPercent(e?.planRate ?? null)}</td>}
      {columns.satisfaction && <td>{formatPercent(e?.satisfaction ?? null)}</td>}
      {columns.followUpRate && <td>{formatPercent(e?.followUpRate ?? null)}</td>}
    </>
  );
}
