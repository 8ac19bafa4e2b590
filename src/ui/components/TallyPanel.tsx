import { Users } from 'lucide-react';
import { useId, useState } from 'react';
import type { ChecklistEdit } from '../../core/checklist/edits';
import { tallyProgress } from '../../core/history/tally';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { useI18n } from '../i18n';
import { formatShortMonth } from '../i18n/format';
import { ScoreBar } from './ScoreBar';

/** The yearly target and the monthly counts by case type: numbers only, by design. */
export function TallyPanel({ file, today, edit, readOnly = false }: { file: MunicipalityFile; today: string; edit?: (e: ChecklistEdit) => void; readOnly?: boolean }) {
  const { t, formatPercent, language } = useI18n();
  const tally = file.framework.tally!;
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const ids = { year: useId(), target: useId() };
  const progress = tallyProgress(file, year);
  const monthName = (m: number) => formatShortMonth(m, language);
  const countOf = (month: number, caseType: string) => progress.byMonth[month - 1]?.byCaseType[caseType] ?? 0;
  const summary = progress.target === null ? t('tally.progressNoTarget', { total: progress.total }) : t('tally.progress', { total: progress.total, target: progress.target, percent: formatPercent(progress.percent) });

  return (
    <section className="card tally" aria-labelledby="tally-title">
      <h2 id="tally-title">
        <Users className="icon" size={20} aria-hidden="true" />
        {t('tally.title', { title: tally.title })}
      </h2>
      <ScoreBar label={`${tally.title} ${year}`} percent={progress.percent} />
      <p>{summary}</p>
      {!readOnly && edit && (
        <>
          <p className="muted">{t('tally.privacy')}</p>
          <div className="field-row">
            <div className="field">
              <label htmlFor={ids.year}>{t('tally.year')}</label>
              <input id={ids.year} type="number" min={2000} max={2100} value={year} onChange={(e) => Number(e.target.value) >= 2000 && setYear(Number(e.target.value))} />
            </div>
            <div className="field">
              <label htmlFor={ids.target}>{t('tally.target')}</label>
              <input
                id={ids.target}
                type="number"
                min={0}
                value={progress.target ?? ''}
                onChange={(e) => edit({ type: 'setTarget', year, count: e.target.value === '' ? null : Math.max(0, Math.floor(Number(e.target.value))) })}
              />
            </div>
          </div>
          <div className="table-scroll">
            <table className="data-table tally-grid">
              <thead>
                <tr>
                  <th scope="col">{t('tally.month')}</th>
                  {tally.caseTypes.map((c) => (
                    <th key={c.id} scope="col">
                      {c.title}
                    </th>
                  ))}
                  <th scope="col">{t('tally.total')}</th>
                </tr>
              </thead>
              <tbody>
                {progress.byMonth.map(({ month, total }) => {
                  const key = `${year}-${String(month).padStart(2, '0')}`;
                  return (
                    <tr key={key}>
                      <th scope="row">{monthName(month)}</th>
                      {tally.caseTypes.map((c) => (
                        <td key={c.id}>
                          <input
                            type="number"
                            min={0}
                            inputMode="numeric"
                            aria-label={t('tally.countLabel', { caseType: c.title, month: `${monthName(month)} ${year}` })}
                            value={countOf(month, c.id) || ''}
                            onChange={(e) => edit({ type: 'setTallyCount', month: key, caseType: c.id, count: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
                          />
                        </td>
                      ))}
                      <td>{total}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
