import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/**
 * The table of the numbers a chart draws, behind a closed "Vis tallene som tabel": shown open under
 * every chart, the tables made the dashboard and Udvikling about twice as long and said everything
 * twice. Screen readers lose nothing, since the picture is named by the same numbers (chartSummary).
 */
export function ChartFigures({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <details className="chart-figures">
      <summary>{t('design.chart.showTable')}</summary>
      {children}
    </details>
  );
}

/** "Implementeringsdrivere: Ledelse 90 %, Kompetencer 67 %": the accessible name of a chart of single figures. */
export function chartSummary(t: ReturnType<typeof useI18n>['t'], title: string, figures: ReadonlyArray<readonly [string, string]>): string {
  return t('design.chart.summary', { title, figures: figures.map(([label, value]) => `${label} ${value}`).join(', ') });
}
