import type { GroupScore } from '../../core/scoring/score';
import { scoreColour } from '../../core/plan/charts';
import { useI18n } from '../i18n';

/** The drivers as labelled bars: name and number above each bar, never on top of a scale. */
export function DriverBars({ drivers }: { drivers: readonly GroupScore[] }) {
  const { t, formatPercent } = useI18n();
  return (
    <ul className="driver-bars">
      {drivers.map((d) => {
        const counted = d.counts.not_started + d.counts.in_progress + d.counts.in_place;
        return (
          <li key={d.id}>
            <div className="driver-bar-head">
              <span className="driver-bar-name">{d.title}</span>
              <span className="driver-bar-value">{formatPercent(d.percent)}</span>
            </div>
            <div className="driver-bar-track">
              <span className="driver-bar-fill" style={{ width: `${d.percent ?? 0}%`, background: scoreColour(d.percent) }} />
              {[25, 50, 75].map((tick) => (
                <span key={tick} className="driver-bar-tick" style={{ left: `${tick}%` }} />
              ))}
            </div>
            <span className="driver-bar-counts muted">{t('design.drivers.counts', { inPlace: d.counts.in_place, total: counted })}</span>
          </li>
        );
      })}
    </ul>
  );
}
