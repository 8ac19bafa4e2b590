import type { EvaluationResults, RegisterFigure } from '../../core/evaluation/results';
import type { I18n } from '../i18n';

/** A register figure's name, with the pack's norms filled in (weeks, hours, follow-up months). */
export function metricLabel(metric: RegisterFigure['metric'], results: EvaluationResults, t: I18n['t']): string {
  const { norms } = results;
  return t(`eval.metric.${metric}`, { weeks: norms.maxWeeksFromYes, hours: String(norms.maxHours).replace('.', ','), from: norms.followUpMonths[0], to: norms.followUpMonths[1] });
}

/** The header row every evaluation figure table shares: figure, value, basis, benchmark, target. */
export function EvaluationTableHead({ t }: { t: I18n['t'] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{t('eval.metric')}</th>
        <th scope="col">{t('eval.value')}</th>
        <th scope="col">{t('eval.basis')}</th>
        <th scope="col">{t('eval.benchmark')}</th>
        <th scope="col">{t('eval.target')}</th>
      </tr>
    </thead>
  );
}
