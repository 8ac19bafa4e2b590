import ExcelJS from 'exceljs';
import { formatPlanPercent, planLabels, statusLabel } from '../../core/plan/labels';
import { roundPercent } from '../../core/scoring/score';
import type { PlanModel } from '../../core/plan/model';

const HEADERS = {
  da: { driver: 'Driver', phase: 'Fase', kind: 'Type', item: 'Punkt', status: 'Status', owner: 'Ansvarlig', due: 'Frist', overdue: 'Forsinket', notes: 'Noter', milestone: 'Milepæl', step: 'Trin i forløb', yes: 'Ja', sheet: 'Status', scores: 'Scorer', group: 'Gruppe', score: 'Score (%)' },
  en: { driver: 'Driver', phase: 'Phase', kind: 'Type', item: 'Item', status: 'Status', owner: 'Owner', due: 'Due', overdue: 'Overdue', notes: 'Notes', milestone: 'Milestone', step: 'Flow step', yes: 'Yes', sheet: 'Status', scores: 'Scores', group: 'Group', score: 'Score (%)' },
} as const;

/** A status sheet for management teams who live in Excel: one row per item, filterable, plus the scores. */
export async function planToXlsx(model: PlanModel): Promise<Uint8Array> {
  const { language } = model.options;
  const h = HEADERS[language];
  const l = planLabels(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = model.options.author || 'Milepæl';
  workbook.title = `${l.title} – ${model.municipality}`;

  const sheet = workbook.addWorksheet(h.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: h.driver, key: 'driver', width: 16 },
    { header: h.phase, key: 'phase', width: 16 },
    { header: h.kind, key: 'kind', width: 12 },
    { header: h.item, key: 'item', width: 60 },
    { header: h.status, key: 'status', width: 14 },
    { header: h.owner, key: 'owner', width: 24 },
    { header: h.due, key: 'due', width: 12, style: { numFmt: language === 'da' ? 'dd.mm.yyyy' : 'dd/mm/yyyy' } },
    { header: h.overdue, key: 'overdue', width: 10 },
    { header: h.notes, key: 'notes', width: 60 },
  ];
  for (const { item, driver, phase, overdue } of model.items) {
    sheet.addRow({
      driver,
      phase,
      kind: item.kind === 'milestone' ? h.milestone : h.step,
      item: item.title,
      status: statusLabel(language, item.status),
      owner: item.owner,
      due: item.dueDate ? new Date(`${item.dueDate}T00:00:00Z`) : null,
      overdue: overdue ? h.yes : '',
      notes: model.options.includeNotes ? item.notes : '',
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  sheet.getColumn('notes').alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn('item').alignment = { wrapText: true, vertical: 'top' };

  const scores = workbook.addWorksheet(h.scores);
  scores.columns = [
    { header: h.group, key: 'group', width: 28 },
    { header: h.score, key: 'score', width: 12 },
    { header: '', key: 'text', width: 12 },
  ];
  const add = (group: string, percent: number | null) => scores.addRow({ group, score: roundPercent(percent), text: formatPlanPercent(language, percent) });
  add(`${l.overallLine}${model.overall.band ? ` (${model.overall.band})` : ''}`, model.overall.percent);
  for (const d of model.drivers) add(`${h.driver}: ${d.title}`, d.percent);
  for (const p of model.phases) add(`${h.phase}: ${p.title}`, p.percent);
  scores.getRow(1).font = { bold: true };

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
