import ExcelJS from 'exceljs';
import { spreadsheetDateFormat } from '../core/dates';
import { statusLabel } from '../core/plan/labels';
import { own } from '../core/history/own';
import { roundPercent } from '../core/scoring/score';
import type { Portfolio } from '../core/portfolio';
import type { Status } from '../core/schema/common';
import { addPortfolioEvaluationSheet } from './evaluation/plan-formats';

const FILL: Record<Status, string> = { not_started: 'FFE6EAEE', in_progress: 'FFFFF0C2', in_place: 'FFCFEBD7', not_relevant: 'FFF7F8F9' };
const HEAD = {
  da: { sheet: 'Portefølje', municipality: 'Kommune', overall: 'Samlet (%)', last: 'Seneste statusmåling', overdue: 'Forsinkede', stale: 'Ikke vurderet', legend: 'Milepæle' },
  en: { sheet: 'Portfolio', municipality: 'Municipality', overall: 'Overall (%)', last: 'Latest assessment round', overdue: 'Overdue', stale: 'Not reviewed', legend: 'Milestones' },
} as const;

const round = (p: number | null) => roundPercent(p);

/** The portfolio as a spreadsheet: one row per municipality, a coloured status cell per milestone. */
export async function portfolioToXlsx(portfolio: Portfolio, language: 'da' | 'en'): Promise<Uint8Array> {
  const h = HEAD[language];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(h.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const fixed = [h.municipality, h.overall, ...portfolio.drivers.map((d) => `${d.title} (%)`), h.last, h.overdue, h.stale];
  sheet.addRow([...fixed, ...portfolio.milestones.map((_, i) => `M${i + 1}`)]);
  for (const m of portfolio.municipalities) {
    const row = sheet.addRow([
      m.name,
      round(m.overall),
      ...portfolio.drivers.map((d) => round(own(m.drivers, d.id) ?? null)),
      m.lastAssessment ? new Date(`${m.lastAssessment}T00:00:00Z`) : null,
      m.overdueCount,
      m.staleCount,
      ...portfolio.milestones.map((ms) => (own(m.statuses, ms.id) ? statusLabel(language, own(m.statuses, ms.id)!) : '')),
    ]);
    portfolio.milestones.forEach((ms, i) => {
      const status = own(m.statuses, ms.id);
      if (status) row.getCell(fixed.length + i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[status] } };
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).width = 28;
  sheet.getColumn(fixed.length - 2).numFmt = spreadsheetDateFormat(language);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: fixed.length + portfolio.milestones.length } };
  const legend = workbook.addWorksheet(h.legend);
  legend.addRow(['#', h.legend]).font = { bold: true };
  portfolio.milestones.forEach((ms, i) => legend.addRow([`M${i + 1}`, ms.title]));
  legend.getColumn(2).width = 90;
  addPortfolioEvaluationSheet(workbook, portfolio.municipalities, language);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
