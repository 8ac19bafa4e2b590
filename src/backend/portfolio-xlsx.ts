import ExcelJS from 'exceljs';
import { spreadsheetDateFormat } from '../core/dates';
import { statusLabel } from '../core/plan/labels';
import { own } from '../core/history/own';
import { roundPercent } from '../core/scoring/score';
import { nameOrder, type Portfolio } from '../core/portfolio';
import type { Status } from '../core/schema/common';
import { addPortfolioEvaluationSheet } from './evaluation/plan-formats';

const FILL: Record<Status, string> = { not_started: 'FFE6EAEE', in_progress: 'FFFFF0C2', in_place: 'FFCFEBD7', not_relevant: 'FFF7F8F9' };
const HEAD = {
  da: { sheet: 'Portefølje', municipality: 'Kommune', overall: 'Samlet (%)', last: 'Seneste statusmåling', overdue: 'Forsinkede', stale: 'Ikke vurderet', legend: 'Milepæle', short: 'Kort navn' },
  en: { sheet: 'Portfolio', municipality: 'Municipality', overall: 'Overall (%)', last: 'Latest assessment round', overdue: 'Overdue', stale: 'Not reviewed', legend: 'Milestones', short: 'Short name' },
} as const;

const round = (p: number | null) => roundPercent(p);

/** The portfolio as a spreadsheet: one row per municipality, a coloured status cell per milestone. */
export async function portfolioToXlsx(portfolio: Portfolio, language: 'da' | 'en'): Promise<Uint8Array> {
  const h = HEAD[language];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(h.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const fixed = [h.municipality, h.overall, ...portfolio.drivers.map((d) => `${d.title} (%)`), h.last, h.overdue, h.stale];
  // The short names the screen heads its columns with; the full title is the cell's note and on the second sheet.
  const head = sheet.addRow([...fixed, ...portfolio.milestones.map((ms) => ms.shortTitle)]);
  portfolio.milestones.forEach((ms, i) => {
    if (ms.shortTitle !== ms.title) head.getCell(fixed.length + i + 1).note = ms.title;
  });
  // The screen's default order: by the name shown (an anonymised "Kommune A" before "Kommune B").
  const names = nameOrder();
  for (const m of [...portfolio.municipalities].sort((a, b) => names.compare(a.name, b.name))) {
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
  legend.addRow([h.short, h.legend]).font = { bold: true };
  portfolio.milestones.forEach((ms) => legend.addRow([ms.shortTitle, ms.title]));
  legend.getColumn(1).width = 28;
  legend.getColumn(2).width = 90;
  addPortfolioEvaluationSheet(workbook, portfolio.municipalities, language);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
