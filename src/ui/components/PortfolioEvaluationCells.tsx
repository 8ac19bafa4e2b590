import type { PortfolioRow } from '../../core/portfolio';
import { useI18n } from '../i18n';

/** How many columns the evaluation adds, for spacer rows that span the table. */
export const PORTFOLIO_EVALUATION_COLUMNS = 4;

/** The portfolio's evaluation columns (issue 12): stage, plan rate, satisfaction, follow-up rate over the last twelve months. */
export function PortfolioEvaluationHeaders({ show }: { show: boolean }) {
  const { t } = useI18n();
  if (!show) return null;
  return (
    <>
      <th scope="col">
        <span className="portfolio-head-text">{t('stage.label')}</span>
      </th>
      <th scope="col" title={t('portfolio.eval.explain')}>
        <span className="portfolio-head-text">{t('eval.metric.plan_rate')}</span>
      </th>
      <th scope="col" title={t('portfolio.eval.explain')}>
        <span className="portfolio-head-text">{t('portfolio.eval.satisfaction')}</span>
      </th>
      <th scope="col" title={t('portfolio.eval.explain')}>
        <span className="portfolio-head-text">{t('portfolio.eval.followUp')}</span>
      </th>
    </>
  );
}

export function PortfolioEvaluationCells({ row, show }: { row: PortfolioRow; show: boolean }) {
  const { formatPercent } = useI18n();
  if (!show) return null;
  const e = row.evaluation ?? null;
  return (
    <>
      <td>{e?.stage ?? '–'}</td>
      <td>{formatPercent(e?.planRate ?? null)}</td>
      <td>{formatPercent(e?.satisfaction ?? null)}</td>
      <td>{formatPercent(e?.followUpRate ?? null)}</td>
    </>
  );
}
