import { scoreColour } from '../../core/plan/charts';
import { useI18n } from '../i18n';

/** A bar with its number beside it, so the colour is never the only signal. */
export function ScoreBar({ label, percent, compact = false }: { label: string; percent: number | null; compact?: boolean }) {
  const { formatPercent, t } = useI18n();
  const value = percent ?? 0;
  return (
    <div className={`score-bar${compact ? ' is-compact' : ''}`}>
      <span className="score-bar-label">{label}</span>
      <span className="score-bar-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value)} aria-valuetext={percent === null ? t('score.none') : formatPercent(percent)}>
        <span className="score-bar-fill" style={{ width: `${value}%`, background: scoreColour(percent) }} />
      </span>
      <span className="score-bar-value">{formatPercent(percent)}</span>
    </div>
  );
}
