import { BorderStyle, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type ExcelJS from 'exceljs';
import type { EvaluationSection } from '../../core/evaluation/plan-section';

/** The plan's evaluation section (issue 12) in Word and Excel; the Markdown/HTML/PDF come from the section's Markdown. */

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'C5CED6' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function wordTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: text || '–', bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) }))],
  });
}

/** `makeTable` lets the plan give its own tables (fixed widths from content), so the section matches the rest of the document. */
export function evaluationDocx(section: EvaluationSection, makeTable: (headers: readonly string[], rows: ReadonlyArray<readonly string[]>) => Table = wordTable, pageBreakBefore = true): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1, pageBreakBefore, keepNext: true })];
  const para = (text: string, options: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...options })] });
  if (section.stage) {
    out.push(para(`${section.stage.title} (${section.stage.position})`, { bold: true }));
    if (section.stage.next) {
      out.push(para(`${section.stage.next}:`));
      for (const m of section.stage.missing) out.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(m)] }));
    }
    if (section.stage.source) out.push(para(section.stage.source, { italics: true }));
  }
  out.push(new Paragraph({ text: section.period, heading: HeadingLevel.HEADING_2 }), para(section.summary));
  if (section.example) out.push(para(section.example, { italics: true }));
  out.push(makeTable(section.registerHeaders, section.register.map((r) => [r.label, r.value, r.basis, r.benchmark, r.target])));
  if (section.items.length > 0) out.push(para(''), makeTable(section.itemHeaders, section.items));
  if (section.source) out.push(para(section.source, { italics: true }));
  for (const note of section.notes) out.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(note)] }));
  return out;
}

/** A sheet with the stage, the figures beside Esbjerg and the targets, and how each is computed. */
export function addEvaluationSheet(workbook: ExcelJS.Workbook, section: EvaluationSection, sheetName: string): void {
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = [{ width: 44 }, { width: 14 }, { width: 16 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 12 }];
  const bold = (row: ExcelJS.Row) => (row.font = { bold: true });
  bold(sheet.addRow([section.heading]));
  if (section.stage) {
    sheet.addRow([section.stage.title, section.stage.position]);
    if (section.stage.next) sheet.addRow([section.stage.next]);
    for (const m of section.stage.missing) sheet.addRow([`• ${m}`]);
    if (section.stage.source) sheet.addRow([section.stage.source]);
  }
  sheet.addRow([]);
  bold(sheet.addRow([section.period]));
  sheet.addRow([section.summary]);
  if (section.example) sheet.addRow([section.example]);
  bold(sheet.addRow(section.registerHeaders));
  for (const r of section.register) sheet.addRow([r.label, r.value, r.basis, r.benchmark, r.target]);
  sheet.addRow([]);
  if (section.items.length > 0) {
    bold(sheet.addRow(section.itemHeaders));
    for (const r of section.items) sheet.addRow(r);
    sheet.addRow([]);
  }
  if (section.source) sheet.addRow([section.source]);
  for (const note of section.notes) sheet.addRow([note]);
}

const PORTFOLIO_WORDS = {
  da: { sheet: 'Evaluering', headers: ['Kommune', 'Implementeringsstadie', 'Rådslagninger med en plan (%)', 'Samlet tilfredshed, positive (%)', 'Fulgt op efter 3–6 måneder (%)', 'Spørgeskemaer'], note: 'De seneste 12 måneder. Tilfredshed: andel svar 4–5 af dem, der svarede. Opfølgning: af første rådslagninger, der er mindst 3 måneder gamle.' },
  en: { sheet: 'Evaluation', headers: ['Municipality', 'Implementation stage', 'Conferences with a plan (%)', 'Overall satisfaction, positive (%)', 'Followed up after 3–6 months (%)', 'Questionnaires'], note: 'The last 12 months. Satisfaction: share of answers 4–5 of those who answered. Follow-up: of first conferences at least 3 months old.' },
} as const;

/** The portfolio's evaluation figures per municipality, with how they are computed (issue 12). */
export function addPortfolioEvaluationSheet(
  workbook: ExcelJS.Workbook,
  rows: ReadonlyArray<{ name: string; evaluation?: { stage: string | null; planRate: number | null; satisfaction: number | null; followUpRate: number | null; forms: number } | null | undefined }>,
  language: 'da' | 'en',
): void {
  if (!rows.some((r) => r.evaluation)) return;
  const w = PORTFOLIO_WORDS[language];
  const sheet = workbook.addWorksheet(w.sheet);
  sheet.addRow([...w.headers]).font = { bold: true };
  const round = (p: number | null | undefined) => (p === null || p === undefined ? null : Math.round(p * 10) / 10);
  for (const r of rows) sheet.addRow([r.name, r.evaluation?.stage ?? '', round(r.evaluation?.planRate), round(r.evaluation?.satisfaction), round(r.evaluation?.followUpRate), r.evaluation?.forms ?? 0]);
  sheet.addRow([]);
  sheet.addRow([w.note]);
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 26;
}
