import type { MunicipalityFile } from '../../core/schema/municipality';
import { implementationStage, type RequirementCheck } from '../../core/scoring/stage';
import { useI18n, type I18n } from '../i18n';
import { Explain } from './Explain';

export function requirementText(check: RequirementCheck, t: I18n['t']): string {
  switch (check.kind) {
    case 'inPlace':
      return t('stage.need.inPlace', { count: check.missing.length, items: check.missing.join('; ') });
    case 'conferencesHeld':
      return t('stage.need.conferencesHeld', { need: check.need ?? 0, have: check.have ?? 0 });
    case 'targetShare':
      return check.need === null ? t('stage.need.targetMissing', { have: check.have ?? 0 }) : t('stage.need.targetShare', { need: check.need, have: check.have ?? 0 });
    case 'evaluationMonths':
      return t('stage.need.evaluationMonths', { need: check.need ?? 0, have: check.have ?? 0 });
  }
}

/** The implementation stage next to the overall score, with what the next stage still needs. */
export function StagePanel({ file, today }: { file: MunicipalityFile; today: string }) {
  const { t, language } = useI18n();
  const stage = implementationStage(file, today);
  if (!stage) return null;
  const title = (s: { title: string; titleEn: string }) => (language === 'da' ? s.title : s.titleEn);
  return (
    <div className="stage-panel" data-testid="stage-panel">
      <p>
        <strong>{t('stage.label')}: </strong>
        <span data-testid="stage-title">{title(stage.current)}</span> <span className="muted">({t('stage.of', { n: stage.index + 1, total: stage.stages.length })})</span>{' '}
        {/* Said outright, not only behind "?": a high score in an early stage otherwise reads as a mistake. */}
        <span className="muted" data-testid="stage-not-percent">
          {t('stage.notPercent')}
        </span>{' '}
        <Explain text={`${t('stage.explain')}${stage.source ? ` ${stage.source}.` : ''}`} />
      </p>
      {stage.next ? (
        // Folded by default: the list can be long, and the tabs below must stay in view on a laptop.
        <details className="stage-details">
          <summary className="muted">
            {t('stage.next', { stage: title(stage.next) })} {t('stage.needCount', { count: stage.missingForNext.reduce((n, c) => n + (c.kind === 'inPlace' ? c.missing.length : 1), 0) })}
          </summary>
          <ul className="stage-missing">
            {stage.missingForNext.map((check) =>
              check.kind === 'inPlace' ? (
                // One line per milestone: a long run of titles joined by semicolons is hard to read.
                <li key={check.kind}>
                  {t('stage.need.inPlaceList', { count: check.missing.length })}
                  <ul className="stage-missing-items">
                    {check.missing.map((missingTitle) => (
                      <li key={missingTitle}>{missingTitle}</li>
                    ))}
                  </ul>
                </li>
              ) : (
                <li key={check.kind}>{requirementText(check, t)}</li>
              ),
            )}
          </ul>
        </details>
      ) : (
        <p className="muted">{t('stage.top')}</p>
      )}
    </div>
  );
}
