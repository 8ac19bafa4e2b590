import { memo } from 'react';
import { formsInYear, monthsWithResults } from '../../core/evaluation/results';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { useI18n } from '../i18n';
import { Explain } from './Explain';

/**
 * "Evaluering i gang: 38 skemaer i 2026": the data behind the evaluation phase and milestones 16–17,
 * where the pack defines an evaluation. It takes only the evaluation data, so it redraws only when they change.
 */
export const EvaluationNote = memo(function EvaluationNote({ evaluation, today }: { evaluation: MunicipalityFile['evaluation']; today: string }) {
  const { t } = useI18n();
  const year = Number(today.slice(0, 4));
  const forms = formsInYear({ evaluation }, year);
  const months = monthsWithResults({ evaluation });
  const explain = t('stage.need.evaluationMonths', { need: 6, have: months });
  return (
    <p className="muted phase-note" data-testid="evaluation-note">
      {forms > 0 ? t('eval.phaseData', { forms, year }) : t('eval.phaseNoData', { year })} <Explain text={explain} />
    </p>
  );
});
