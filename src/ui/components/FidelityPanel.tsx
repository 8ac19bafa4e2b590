import { useId, useState } from 'react';
import type { ChecklistEdit } from '../../core/checklist/edits';
import { fidelityPercent, fidelityPointsOf } from '../../core/principles/fidelity';
import type { MunicipalityFile } from '../../core/schema/municipality';
import type { Reference } from '../../core/schema/pack';
import { useI18n } from '../i18n';

/**
 * The method's fidelity checklist (the five cornerstones) gone through per period, in numbers only:
 * how many conferences the team looked back on, and in how many each point was met.
 */
export function FidelityPanel({ file, checklist, edit }: { file: MunicipalityFile; checklist: Reference; edit: (edit: ChecklistEdit) => void }) {
  const { t, formatPercent } = useI18n();
  const base = useId();
  // The reference comes from the pack when it is installed, so files made before it was copied in get it too.
  const points = fidelityPointsOf([checklist]);
  const title = checklist.title;
  const [period, setPeriod] = useState('');
  const [reviewed, setReviewed] = useState(0);
  const [met, setMet] = useState<Record<string, number>>({});
  if (points.length === 0) return null;
  const rounds = file.fidelity?.rounds ?? [];
  const tooMany = points.some((p) => (met[p.id] ?? 0) > reviewed);
  const count = (raw: string) => Math.max(0, Math.min(100000, Math.floor(Number(raw) || 0)));

  const save = () => {
    if (period.trim() === '' || tooMany) return;
    edit({ type: 'setFidelityRound', period: period.trim(), reviewed, met: points.map((p) => ({ pointId: p.id, count: met[p.id] ?? 0 })) });
    setPeriod('');
    setReviewed(0);
    setMet({});
  };

  return (
    <section className="card fidelity" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{t('fidelity.title', { title: title.toLowerCase() })}</h3>
      <p className="muted">{t('fidelity.help')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${base}-period`}>{t('fidelity.period')}</label>
          <input id={`${base}-period`} value={period} maxLength={60} placeholder={t('fidelity.periodPlaceholder')} onChange={(e) => setPeriod(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-reviewed`}>{t('fidelity.reviewed')}</label>
          <input id={`${base}-reviewed`} type="number" min={0} value={reviewed} onChange={(e) => setReviewed(count(e.target.value))} />
        </div>
      </div>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{t('fidelity.met')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <td>
                <label htmlFor={`${base}-${p.id}`}>{p.title}</label>
              </td>
              <td>
                <input id={`${base}-${p.id}`} type="number" min={0} max={reviewed} value={met[p.id] ?? 0} onChange={(e) => setMet({ ...met, [p.id]: count(e.target.value) })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tooMany && <p role="alert" className="overdue-flag">{t('fidelity.tooMany')}</p>}
      <button type="button" onClick={save} disabled={period.trim() === '' || tooMany}>
        {t('fidelity.save')}
      </button>

      <h4>{t('fidelity.rounds')}</h4>
      {rounds.length === 0 ? (
        <p className="muted">{t('fidelity.none')}</p>
      ) : (
        <table className="data-table" data-testid="fidelity-rounds">
          <thead>
            <tr>
              <th scope="col">{t('fidelity.period')}</th>
              {points.map((p) => (
                <th key={p.id} scope="col">
                  {p.title}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('start.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((round) => (
              <tr key={round.id}>
                <th scope="row">{t('fidelity.reviewedIn', { period: round.period, count: round.reviewed })}</th>
                {points.map((p) => (
                  <td key={p.id}>{formatPercent(fidelityPercent(round, p.id))}</td>
                ))}
                <td>
                  <button type="button" className="button-quiet" onClick={() => edit({ type: 'removeFidelityRound', roundId: round.id })}>
                    {t('fidelity.remove', { period: round.period })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
