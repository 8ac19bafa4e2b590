import { memo } from 'react';
import { scoreColour } from '../../core/plan/charts';
import { useI18n } from '../i18n';

/**
 * A bar with its number beside it, so the colour is never the only signal. `hideLabel`: in a table
 * row whose heading already names the figure; the meter keeps the label for screen readers.
 * Memoised: a score card redraws only the bars whose figure changed.
 */
export const ScoreBar = memo(function ScoreBar({ label, percent, compact = false, hideLabel = false }: { label: string; percent: number | null; compact?: boolean; hideLabel?: boolean }) {
  const { formatPercent, t } = useI18n();
  const value = percent ?? 0;
  return (
    <div className={`score-bar${compact ? ' is-compact' : ''}${hideLabel ? ' is-label-hidden' : ''}`}>
      <span className={hideLabel ? 'score-bar-label visually-hidden' : 'score-bar-label'}>{label}</span>
      <span className="score-bar-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value)} aria-valuetext={percent === null ? t('score.none') : formatPercent(percent)}>
        <span className="score-bar-fill" style={{ width: `${value}%`, background: scoreColour(percent) }} />
      </span>
      <span className="score-bar-value">{formatPercent(percent)}</span>
    </div>
  );
});
