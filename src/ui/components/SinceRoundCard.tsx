import { ArrowRight, History } from 'lucide-react';
import { useMemo } from 'react';
import { deltaBetween, snapshotOf, sortedSnapshots, type ScoreChange } from '../../core/history';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { useI18n } from '../i18n';

/**
 * The dashboard's "since the last assessment round" card: the latest recorded round against today, in a few
 * lines, so a management team sees what moved without leaving the overview. The whole comparison is under Udvikling.
 */
export function SinceRoundCard({ file, today, onOpen }: { file: MunicipalityFile; today: string; onOpen?: () => void }) {
  const { t, formatDate } = useI18n();
  const latest = useMemo(() => sortedSnapshots(file).at(-1), [file]);
  const delta = useMemo(() => (latest ? deltaBetween(file, latest, snapshotOf(file, today, '', { now: () => new Date(), newId: () => 'now' })) : null), [file, latest, today]);

  const change = (c: ScoreChange) => {
    if (c.change === null) return { text: t('since.noScore'), trend: 'none' };
    const value = Math.abs(Math.round(c.change));
    if (value === 0) return { text: t('since.same'), trend: 'same' };
    return c.change > 0 ? { text: t('since.up', { value }), trend: 'up' } : { text: t('since.down', { value }), trend: 'down' };
  };

  return (
    <section className="card chart-card since-round" aria-labelledby="dash-since" data-testid="since-round">
      {/* The link beside the heading, not under the counts: a line less, so the late actions below stay in the first screen. */}
      <div className="since-round-head">
        <h2 id="dash-since">
          <History className="icon" size={20} aria-hidden="true" />
          {t('since.title')}
        </h2>
        {delta && onOpen && (
          <button type="button" className="link-button" onClick={onOpen}>
            {t('since.more')} <ArrowRight className="icon" size={14} aria-hidden="true" />
          </button>
        )}
      </div>
      {!latest || !delta ? (
        <p className="muted">{t('since.none')}</p>
      ) : (
        <>
          <p className="since-round-compared">{t('since.compared', { round: latest.label ? t('history.roundOption', { label: latest.label, date: formatDate(latest.date) }) : formatDate(latest.date) })}</p>
          <ul className="since-round-scores" aria-label={t('since.scores')}>
            {[{ ...delta.overall, title: t('since.overall') }, ...delta.drivers].map((c) => {
              const shown = change(c);
              return (
                <li key={c.id} data-trend={shown.trend}>
                  <span className="since-round-group">{c.title}</span> <span className="since-round-change">{shown.text}</span>
                </li>
              );
            })}
          </ul>
          <p className="since-round-moves">
            <span>{t('since.forward', { count: delta.movedUp.length })}</span>
            <span>{t('since.back', { count: delta.movedDown.length })}</span>
            <span className={delta.newlyOverdue.length > 0 ? 'overdue-flag' : undefined}>{t('since.overdue', { count: delta.newlyOverdue.length })}</span>
          </p>
        </>
      )}
    </section>
  );
}
