import { signReport } from '../../core/principles/signs';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { useI18n } from '../i18n';
import { ScoreBar } from './ScoreBar';

/** The dashboard's "Principper i praksis": how many observable signs the team sees, overall, per driver and per element. */
export function SignsPanel({ file }: { file: MunicipalityFile }) {
  const { t } = useI18n();
  const report = signReport(file);
  if (report === null) return null;
  const { seen, total } = report.overall;
  return (
    <section className="card signs-panel" aria-labelledby="dash-signs">
      <h2 id="dash-signs">{t('signs.dashboard')}</h2>
      <p className="muted">{t('signs.dashboardHelp')}</p>
      <p data-testid="signs-overall">
        <strong>{t('signs.overall')}:</strong> {t('signs.progress', { seen, total })}
      </p>
      <ScoreBar label={t('signs.overall')} percent={report.overall.percent} />
      {report.drivers.map((d) => (
        <ScoreBar key={d.id} label={d.title} percent={d.percent} />
      ))}
      <table className="data-table">
        <caption className="visually-hidden">{t('signs.dashboard')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.table.item')}</th>
            <th scope="col">{t('signs.title')}</th>
          </tr>
        </thead>
        <tbody>
          {report.items.map((i) => (
            <tr key={i.id}>
              <td>{i.title}</td>
              <td>{t('signs.progress', { seen: i.seen, total: i.total })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
