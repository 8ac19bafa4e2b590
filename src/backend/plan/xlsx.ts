import ExcelJS from 'exceljs';
import { spreadsheetDateFormat } from '../../core/dates';
import { planLabels, statusLabel } from '../../core/plan/labels';
import { roundPercent } from '../../core/scoring/score';
import type { PlanModel } from '../../core/plan/model';
import { keptSteering } from '../../core/plan/steering-page';
import { addEvaluationSheet } from '../evaluation/plan-formats';
import type { Status } from '../../core/schema/common';
import type { MunicipalityFile } from '../../core/schema/municipality';

const HEADERS = {
  da: { driver: 'Driver', phase: 'Fase', kind: 'Type', item: 'Punkt', status: 'Status', owner: 'Ansvarlig', due: 'Frist', overdue: 'Forsinket', notes: 'Noter', milestone: 'Milepæl', step: 'Trin i forløb', yes: 'Ja', sheet: 'Status', scores: 'Scorer', group: 'Gruppe', score: 'Score', steering: 'Til styregruppen', evidence: 'Dokumentation', history: 'Statusmålinger', date: 'Dato', round: 'Statusmåling', overall: 'Samlet', statusPrompt: 'Vælg en status fra listen.' },
  en: { driver: 'Driver', phase: 'Phase', kind: 'Type', item: 'Item', status: 'Status', owner: 'Owner', due: 'Due', overdue: 'Overdue', notes: 'Notes', milestone: 'Milestone', step: 'Flow step', yes: 'Yes', sheet: 'Status', scores: 'Scores', group: 'Group', score: 'Score', steering: 'For the steering group', evidence: 'Evidence', history: 'Assessment rounds', date: 'Date', round: 'Assessment round', overall: 'Overall', statusPrompt: 'Choose a status from the list.' },
} as const;

const FILL: Record<Status, string> = { in_place: 'FFD5EDDC', in_progress: 'FFFCEBC4', not_started: 'FFF6D5CE', not_relevant: 'FFE6EAEE' };
const PERCENT = '0%';

/** Landscape A4, the header row on every printed page, fitted to the page width. */
function printSetup(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  sheet.headerFooter = { oddFooter: '&L&A&R&P / &N' };
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF3F7' } };
}

/** A status sheet for management teams who live in Excel: one row per item, filterable, colour-coded, plus scores and rounds. */
export async function planToXlsx(model: PlanModel, file?: MunicipalityFile): Promise<Uint8Array> {
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
    { header: h.due, key: 'due', width: 12, style: { numFmt: spreadsheetDateFormat(language) } },
    { header: h.overdue, key: 'overdue', width: 10 },
    { header: h.notes, key: 'notes', width: 60 },
    { header: h.steering, key: 'steering', width: 40 },
    { header: h.evidence, key: 'evidence', width: 40 },
  ];
  for (const { item, driver, phase, overdue } of model.items) {
    const row = sheet.addRow({
      driver,
      phase,
      kind: item.kind === 'milestone' ? h.milestone : h.step,
      item: item.title,
      status: statusLabel(language, item.status),
      owner: item.owner,
      due: item.dueDate ? new Date(`${item.dueDate}T00:00:00Z`) : null,
      overdue: overdue ? h.yes : '',
      notes: model.options.includeNotes ? item.notes : '',
      steering: item.steeringDecision ? `${item.steeringDecision.text}${item.steeringDecision.owner ? ` (${item.steeringDecision.owner})` : ''}` : '',
      evidence: item.evidence.map((e) => `${e.label}: ${e.target}`).join('\n'),
    });
    // One evidence address becomes a clickable link; several stay as text lines.
    const only = item.evidence.length === 1 ? item.evidence[0] : undefined;
    if (only && /^https?:\/\//i.test(only.target)) row.getCell('evidence').value = { text: `${only.label}: ${only.target}`, hyperlink: only.target };
  }
  printSetup(sheet);
  const last = Math.max(2, sheet.rowCount);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  for (const key of ['notes', 'item', 'steering', 'evidence']) sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };

  // A drop-down of the four statuses, and colours that follow the chosen status and the overdue flag.
  const statuses = (['not_started', 'in_progress', 'in_place', 'not_relevant'] as const).map((s) => statusLabel(language, s));
  for (let r = 2; r <= last; r++) {
    sheet.getCell(`E${r}`).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${statuses.join(',')}"`],
      showErrorMessage: true,
      errorTitle: h.status,
      error: h.statusPrompt,
    };
  }
  sheet.addConditionalFormatting({
    ref: `E2:E${last}`,
    rules: (['in_place', 'in_progress', 'not_started', 'not_relevant'] as const).map((s, i) => ({
      type: 'cellIs',
      operator: 'equal',
      priority: i + 1,
      formulae: [`"${statusLabel(language, s)}"`],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: FILL[s] } } },
    })),
  });
  sheet.addConditionalFormatting({
    ref: `A2:K${last}`,
    rules: [{ type: 'expression', priority: 5, formulae: [`$H2="${h.yes}"`], style: { font: { color: { argb: 'FFA3341F' }, bold: true } } }],
  });

  const scores = workbook.addWorksheet(h.scores, { views: [{ state: 'frozen', ySplit: 1 }] });
  scores.columns = [
    { header: h.group, key: 'group', width: 36 },
    { header: h.score, key: 'score', width: 12, style: { numFmt: PERCENT } },
  ];
  // Real percentages (0.64 shown as 64 %), so the figures can be charted and compared in Excel.
  const add = (group: string, percent: number | null) => scores.addRow({ group, score: percent === null ? null : roundPercent(percent)! / 100 });
  add(`${l.overallLine}${model.overall.band ? ` (${model.overall.band})` : ''}`, model.overall.percent);
  for (const d of model.drivers) add(`${h.driver}: ${d.title}`, d.percent);
  for (const p of model.phases) add(`${h.phase}: ${p.title}`, p.percent);
  scores.getRow(1).font = { bold: true };
  // Issue 12: what the overall figure is computed from, and the evaluation sheet.
  if (model.evaluationReport) {
    scores.addRow({ group: model.evaluationReport.notes[0] });
    addEvaluationSheet(workbook, model.evaluationReport, language === 'da' ? 'Evaluering' : 'Evaluation');
  }
  printSetup(scores);
  scores.addConditionalFormatting({
    ref: `B2:B${scores.rowCount}`,
    rules: [
      { type: 'cellIs', operator: 'lessThan', priority: 1, formulae: ['0.395'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: FILL.not_started } } } },
      { type: 'cellIs', operator: 'lessThan', priority: 2, formulae: ['0.745'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: FILL.in_progress } } } },
      { type: 'cellIs', operator: 'greaterThan', priority: 3, formulae: ['0.7449'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: FILL.in_place } } } },
    ],
  });

  // One row per assessment round: the overall score and each driver's and phase's, as percentages.
  const history = workbook.addWorksheet(h.history, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const drivers = file?.framework.drivers ?? model.drivers.map((d) => ({ id: d.id, title: d.title }));
  const phases = file?.framework.phases ?? model.phases.map((p) => ({ id: p.id, title: p.title }));
  history.columns = [
    { header: h.date, key: 'date', width: 12, style: { numFmt: spreadsheetDateFormat(language) } },
    { header: h.round, key: 'label', width: 30 },
    { header: h.overall, key: 'overall', width: 12, style: { numFmt: PERCENT } },
    ...drivers.map((d) => ({ header: `${h.driver}: ${d.title}`, key: `d-${d.id}`, width: 18, style: { numFmt: PERCENT } })),
    ...phases.map((p) => ({ header: `${h.phase}: ${p.title}`, key: `p-${p.id}`, width: 18, style: { numFmt: PERCENT } })),
  ];
  const fraction = (p: number | null | undefined) => (p === null || p === undefined ? null : Math.round(p * 10) / 1000);
  const rounds = [...(file?.assessment.snapshots ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  for (const round of rounds) {
    history.addRow({
      date: new Date(`${round.date}T00:00:00Z`),
      label: round.label,
      overall: fraction(round.scores.overall),
      ...Object.fromEntries(drivers.map((d) => [`d-${d.id}`, fraction(round.scores.drivers[d.id])])),
      ...Object.fromEntries(phases.map((p) => [`p-${p.id}`, fraction(round.scores.phases[p.id])])),
    });
  }
  history.addRow({
    date: new Date(`${model.date}T00:00:00Z`),
    label: l.after,
    overall: fraction(model.overall.percent),
    ...Object.fromEntries(model.drivers.map((d) => [`d-${d.id}`, fraction(d.percent)])),
    ...Object.fromEntries(model.phases.map((p) => [`p-${p.id}`, fraction(p.percent)])),
  });
  printSetup(history);

  addRolesSheet(workbook, model);

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * "Roller og ansvar", as the other formats have it: the method's roles first (marked "ikke besat"
 * while nobody holds them), then the municipality's other roles, each with its holder and task;
 * below them the owners of checklist items with their numbers of items. Shown on the same terms as
 * in the other formats: with the governance section, and in a new municipality's short plan only
 * when the method has roles.
 */
function addRolesSheet(workbook: ExcelJS.Workbook, model: PlanModel): void {
  const l = planLabels(model.options.language);
  const s = model.steering;
  const methodRoles = s.roles.some((r) => r.method);
  if (!model.sections.has('governance') || (s.nearlyEmpty && keptSteering(s) === 0 && !methodRoles)) return;
  if (s.roles.length === 0 && s.owners.length === 0) return;

  const sheet = workbook.addWorksheet(l.roles, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { key: 'first', width: 32 },
    { key: 'second', width: 28 },
    { key: 'third', width: 80 },
  ];
  const header = (values: string[]) => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF3F7' } };
  };
  if (s.roles.length > 0) {
    header([l.role, l.holder, l.roleTask]);
    for (const role of s.roles) {
      const vacant = role.method && role.holder.trim() === '';
      const row = sheet.addRow([role.role, vacant ? l.roleVacant : role.holder, role.task]);
      if (vacant) row.getCell(2).font = { italic: true };
    }
  }
  if (s.owners.length > 0) {
    if (s.roles.length > 0) sheet.addRow([]);
    header([l.owner, l.ownerItems, l.open]);
    for (const o of s.owners) sheet.addRow([o.owner, o.total, o.open]);
  }
  for (const key of ['first', 'second', 'third']) sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
  // What the table is, under it across its width, as the other formats say it above.
  sheet.addRow([]);
  const note = sheet.addRow([methodRoles ? `${l.rolesIntro} ${l.rolesMethodNote}` : l.rolesIntro]);
  note.font = { italic: true };
  sheet.mergeCells(note.number, 1, note.number, 3);
  printSetup(sheet);
}
