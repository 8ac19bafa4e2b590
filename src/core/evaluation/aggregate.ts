import { compareIso } from '../dates';
import { bucketOf, DURATION_HOUR_BOUNDS, emptyMonth, WAIT_WEEK_BOUNDS, type EvaluationData, type EvaluationMonth } from './data';
import type { EvaluationDefinition } from './definition';

/**
 * Turns the rows of an imported conference register or questionnaire export into monthly counts.
 * The rows are only read here; what comes out is counts, and the caller drops the rows.
 */

/** A table as read from a CSV file or one XLSX sheet; `line` is the row number the user sees. */
export interface RawTable {
  sheet?: string;
  headers: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

export interface ImportProblem {
  sheet?: string;
  row: number | null;
  column: string | null;
  da: string;
  en: string;
}

export type ImportKind = 'register' | 'answers';

export interface AggregatedTable {
  kind: ImportKind;
  rows: number;
  months: EvaluationMonth[];
  /** Columns the import does not know; they were read for the personal-data check only. */
  ignoredColumns: string[];
}

export type AggregateResult = { ok: true; value: AggregatedTable } | { ok: false; problems: ImportProblem[] };

/** Headers compared without case, accents written out (æ→ae, ø→oe, å→aa), spaces and dashes as "_". */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replace(/[\s\-/.]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const REGISTER_COLUMNS = {
  dato: ['dato', 'date', 'conference_date'],
  type: ['type', 'kind', 'conference_type'],
  ja_dato: ['ja_dato', 'yes_date'],
  varighed_timer: ['varighed_timer', 'duration_hours', 'varighed', 'duration'],
  plan: ['plan', 'plan_made'],
  opfoelgning_dato: ['opfoelgning_dato', 'follow_up_date', 'followup_date'],
} satisfies Record<string, string[]>;
const ANSWER_COLUMNS = {
  dato: ['dato', 'date'],
  gruppe: ['gruppe', 'group', 'respondent', 'respondentgruppe'],
} satisfies Record<string, string[]>;

/** Header words that point to a person: such a column is refused, whatever it holds. */
const PERSONAL_WORDS = ['navn', 'name', 'cpr', 'personnummer', 'cpr_nr', 'adresse', 'address', 'email', 'e_mail', 'mail', 'telefon', 'phone', 'mobil', 'foedselsdato', 'birth', 'birthday'];
/** DDMMYY-NNNN with a real day and month, with or without the dash. */
const CPR_LIKE = /(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[-\s]?\d{4}(?!\d)/;

export function looksPersonalHeader(header: string): boolean {
  const h = normaliseHeader(header);
  return PERSONAL_WORDS.some((w) => h === w || h.split('_').includes(w) || h.includes('navn') || h.includes('name') || h.includes('cpr'));
}

export function containsCprLike(value: string): boolean {
  return CPR_LIKE.test(value);
}

/** Finds a column that looks personal: by its header, or by a CPR-like value anywhere in it. */
export function personalDataProblem(table: RawTable): ImportProblem | null {
  for (const header of table.headers) {
    if (looksPersonalHeader(header)) {
      return {
        ...(table.sheet ? { sheet: table.sheet } : {}),
        row: 1,
        column: header,
        da: `Kolonnen "${header}" ser ud til at indeholde personoplysninger (fx navne). Fjern kolonnen og importér igen. Intet er gemt.`,
        en: `The column "${header}" looks like personal data (e.g. names). Remove the column and import again. Nothing was stored.`,
      };
    }
  }
  // The header row itself may hold a CPR number when a file has no header.
  const all = [{ line: 1, cells: table.headers }, ...table.rows];
  for (const row of all) {
    const at = row.cells.findIndex(containsCprLike);
    if (at >= 0) {
      const column = table.headers[at] ?? `#${at + 1}`;
      return {
        ...(table.sheet ? { sheet: table.sheet } : {}),
        row: row.line,
        column,
        da: `Kolonnen "${column}" indeholder noget, der ligner et CPR-nummer (række ${row.line}). Fjern det og importér igen. Intet er gemt.`,
        en: `The column "${column}" holds something that looks like a CPR number (row ${row.line}). Remove it and import again. Nothing was stored.`,
      };
    }
  }
  return null;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Accepts 2026-03-04, 04-03-2026, 04.03.2026 and 04/03/2026; returns YYYY-MM-DD or null. */
export function parseDate(value: string): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(v);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m - 1]!) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const days = month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : MONTH_DAYS[month - 1]!;
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, days)).padStart(2, '0')}`;
}

function parseNumber(value: string): number | null {
  const v = value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  return Number(v);
}

const TYPE_VALUES: Record<string, 'first' | 'followUp'> = {
  foerste: 'first', første: 'first', first: 'first', '1': 'first', raadslagning: 'first', rådslagning: 'first',
  opfoelgning: 'followUp', opfølgning: 'followUp', follow_up: 'followUp', 'follow-up': 'followUp', followup: 'followUp', '2': 'followUp',
};
const YES_NO: Record<string, boolean> = { ja: true, yes: true, '1': true, nej: false, no: false, '0': false };

class Problems {
  readonly list: ImportProblem[] = [];
  constructor(private readonly sheet: string | undefined) {}
  add(row: number | null, column: string | null, da: string, en: string) {
    if (this.list.length < 20) this.list.push({ ...(this.sheet ? { sheet: this.sheet } : {}), row, column, da, en });
  }
}

function columnIndex(headers: readonly string[], names: readonly string[]): number {
  return headers.findIndex((h) => names.includes(normaliseHeader(h)));
}

/** Which kind of file this is, from its headers. */
export function detectKind(headers: readonly string[]): ImportKind | null {
  if (columnIndex(headers, ANSWER_COLUMNS.gruppe) >= 0) return 'answers';
  if (columnIndex(headers, REGISTER_COLUMNS.type) >= 0 || columnIndex(headers, REGISTER_COLUMNS.varighed_timer) >= 0) return 'register';
  return null;
}

export function aggregateTable(table: RawTable, definition: EvaluationDefinition | undefined): AggregateResult {
  const problems = new Problems(table.sheet);
  const personal = personalDataProblem(table);
  if (personal) return { ok: false, problems: [personal] };
  const kind = detectKind(table.headers);
  if (kind === null) {
    problems.add(1, null, 'Filen kan ikke genkendes: et konferenceregister skal have kolonnerne dato og type, og svar fra spørgeskemaer skal have dato og gruppe (se docs/evaluation-import.md).', 'The file is not recognised: a conference register needs the columns dato and type, and questionnaire answers need dato and gruppe (see docs/evaluation-import.md).');
    return { ok: false, problems: problems.list };
  }
  return kind === 'register' ? aggregateRegister(table, definition, problems) : aggregateAnswers(table, definition, problems);
}

function monthsOf(map: Map<string, EvaluationMonth>): EvaluationMonth[] {
  return [...map.values()].sort((a, b) => compareIso(a.month, b.month));
}

function known(headers: readonly string[], columns: Record<string, string[]>, extra: readonly string[] = []): string[] {
  const names = new Set([...Object.values(columns).flat(), ...extra]);
  return headers.filter((h) => h.trim() !== '' && !names.has(normaliseHeader(h)));
}

function aggregateRegister(table: RawTable, definition: EvaluationDefinition | undefined, problems: Problems): AggregateResult {
  const norms = definition?.norms ?? { maxWeeksFromYes: 4, maxHours: 3, followUpMonths: [3, 6] as [number, number] };
  const col = Object.fromEntries(Object.entries(REGISTER_COLUMNS).map(([k, names]) => [k, columnIndex(table.headers, names)])) as Record<keyof typeof REGISTER_COLUMNS, number>;
  for (const required of ['dato', 'type'] as const) {
    if (col[required] < 0) problems.add(1, required, `Kolonnen "${required}" mangler i konferenceregisteret.`, `The conference register has no "${required}" column.`);
  }
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  const months = new Map<string, EvaluationMonth>();
  const cell = (cells: string[], i: number) => (i < 0 ? '' : (cells[i] ?? '').trim());
  const header = (i: number) => table.headers[i] ?? '';
  for (const { line, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const date = parseDate(cell(cells, col.dato));
    if (date === null) {
      problems.add(line, header(col.dato), `Række ${line}, kolonne "${header(col.dato)}": "${cell(cells, col.dato)}" er ikke en dato (skriv fx 2026-03-04 eller 04-03-2026).`, `Row ${line}, column "${header(col.dato)}": "${cell(cells, col.dato)}" is not a date (write e.g. 2026-03-04 or 04-03-2026).`);
      continue;
    }
    const type = TYPE_VALUES[normaliseHeader(cell(cells, col.type))] ?? TYPE_VALUES[cell(cells, col.type).toLowerCase()];
    if (type === undefined) {
      problems.add(line, header(col.type), `Række ${line}, kolonne "${header(col.type)}": "${cell(cells, col.type)}" skal være "første" eller "opfølgning".`, `Row ${line}, column "${header(col.type)}": "${cell(cells, col.type)}" must be "første" (first) or "opfølgning" (follow-up).`);
      continue;
    }
    const month = months.get(date.slice(0, 7)) ?? emptyMonth(date.slice(0, 7));
    months.set(month.month, month);
    if (type === 'first') month.firstConferences++;
    else month.followUpConferences++;

    const yesText = cell(cells, col.ja_dato);
    if (yesText !== '') {
      const yes = parseDate(yesText);
      if (yes === null || yes > date) {
        problems.add(line, header(col.ja_dato), `Række ${line}, kolonne "${header(col.ja_dato)}": "${yesText}" er ${yes === null ? 'ikke en dato' : 'efter rådslagningens dato'}.`, `Row ${line}, column "${header(col.ja_dato)}": "${yesText}" is ${yes === null ? 'not a date' : 'after the conference date'}.`);
      } else month.weeksFromYes[bucketOf(daysBetween(yes, date) / 7, WAIT_WEEK_BOUNDS)]!++;
    }
    const hoursText = cell(cells, col.varighed_timer);
    if (hoursText !== '') {
      const hours = parseNumber(hoursText);
      if (hours === null || hours > 24) problems.add(line, header(col.varighed_timer), `Række ${line}, kolonne "${header(col.varighed_timer)}": "${hoursText}" er ikke et antal timer (skriv fx 2,5).`, `Row ${line}, column "${header(col.varighed_timer)}": "${hoursText}" is not a number of hours (write e.g. 2.5).`);
      else month.durationHours[bucketOf(hours, DURATION_HOUR_BOUNDS)]!++;
    }
    const planText = cell(cells, col.plan);
    if (planText !== '') {
      const plan = YES_NO[planText.toLowerCase()];
      if (plan === undefined) problems.add(line, header(col.plan), `Række ${line}, kolonne "${header(col.plan)}": "${planText}" skal være "ja" eller "nej".`, `Row ${line}, column "${header(col.plan)}": "${planText}" must be "ja" (yes) or "nej" (no).`);
      else if (plan) month.plans++;
    }
    const followText = cell(cells, col.opfoelgning_dato);
    if (followText !== '' && type === 'first') {
      const follow = parseDate(followText);
      if (follow === null) problems.add(line, header(col.opfoelgning_dato), `Række ${line}, kolonne "${header(col.opfoelgning_dato)}": "${followText}" er ikke en dato.`, `Row ${line}, column "${header(col.opfoelgning_dato)}": "${followText}" is not a date.`);
      else if (follow >= addMonths(date, norms.followUpMonths[0]) && follow <= addMonths(date, norms.followUpMonths[1])) month.followUpsInWindow++;
    }
  }
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  return { ok: true, value: { kind: 'register', rows: table.rows.length, months: monthsOf(months), ignoredColumns: known(table.headers, REGISTER_COLUMNS) } };
}

function aggregateAnswers(table: RawTable, definition: EvaluationDefinition | undefined, problems: Problems): AggregateResult {
  const dateCol = columnIndex(table.headers, ANSWER_COLUMNS.dato);
  const groupCol = columnIndex(table.headers, ANSWER_COLUMNS.gruppe);
  if (dateCol < 0) problems.add(1, 'dato', 'Kolonnen "dato" mangler i svarene.', 'The answers have no "dato" (date) column.');
  const items = definition?.items ?? [];
  const groups = definition?.groups ?? [];
  if (items.length === 0) problems.add(null, null, 'Metodepakken har ingen spørgeskemapunkter, så der er intet at importere svar til.', "The method pack has no questionnaire items, so there is nothing to import answers into.");
  const itemCols = items.map((item) => ({ item, index: columnIndex(table.headers, [item.id]) })).filter((c) => c.index >= 0);
  if (items.length > 0 && itemCols.length === 0) problems.add(1, null, `Ingen kolonner med spørgeskemapunkter; pakken kender ${items.map((i) => i.id).join(', ')}.`, `No questionnaire item columns; the pack knows ${items.map((i) => i.id).join(', ')}.`);
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const word of [g.id, g.title, g.titleEn, ...g.aliases]) groupOf.set(normaliseHeader(word), g.id);
  const months = new Map<string, EvaluationMonth>();
  const cell = (cells: string[], i: number) => (cells[i] ?? '').trim();
  for (const { line, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const date = parseDate(cell(cells, dateCol));
    if (date === null) {
      problems.add(line, table.headers[dateCol]!, `Række ${line}, kolonne "${table.headers[dateCol]}": "${cell(cells, dateCol)}" er ikke en dato.`, `Row ${line}, column "${table.headers[dateCol]}": "${cell(cells, dateCol)}" is not a date.`);
      continue;
    }
    const group = groupOf.get(normaliseHeader(cell(cells, groupCol)));
    if (group === undefined) {
      problems.add(line, table.headers[groupCol]!, `Række ${line}, kolonne "${table.headers[groupCol]}": "${cell(cells, groupCol)}" er ikke en kendt gruppe (${groups.map((g) => g.id).join(', ')}).`, `Row ${line}, column "${table.headers[groupCol]}": "${cell(cells, groupCol)}" is not a known group (${groups.map((g) => g.id).join(', ')}).`);
      continue;
    }
    const month = months.get(date.slice(0, 7)) ?? emptyMonth(date.slice(0, 7));
    months.set(month.month, month);
    const forms = month.forms.find((f) => f.group === group) ?? month.forms[month.forms.push({ group, count: 0 }) - 1]!;
    forms.count++;
    for (const { item, index } of itemCols) {
      const raw = cell(cells, index);
      if (raw === '') continue;
      if (!/^[1-5]$/.test(raw.replace(/[.,]0+$/, ''))) {
        problems.add(line, table.headers[index]!, `Række ${line}, kolonne "${table.headers[index]}": "${raw}" skal være et tal fra 1 til 5 eller tom.`, `Row ${line}, column "${table.headers[index]}": "${raw}" must be a whole number from 1 to 5, or empty.`);
        continue;
      }
      const value = Number(raw.replace(/[.,]0+$/, ''));
      const counts = month.answers.find((a) => a.item === item.id && a.group === group) ?? month.answers[month.answers.push({ item: item.id, group, counts: [0, 0, 0, 0, 0] }) - 1]!;
      counts.counts[value - 1]!++;
    }
  }
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  return { ok: true, value: { kind: 'answers', rows: table.rows.length, months: monthsOf(months), ignoredColumns: known(table.headers, ANSWER_COLUMNS, items.map((i) => i.id)) } };
}

/**
 * Puts imported months into the file's figures. A register import replaces the register figures of
 * the months it covers and an answers import their questionnaire counts, so importing the same
 * file twice gives the same result instead of double counts.
 */
export function mergeImported(data: EvaluationData, imported: AggregatedTable): EvaluationData {
  const byMonth = new Map(data.months.map((m) => [m.month, m]));
  for (const month of imported.months) {
    const existing = byMonth.get(month.month) ?? emptyMonth(month.month);
    byMonth.set(
      month.month,
      imported.kind === 'register'
        ? { ...month, forms: existing.forms, answers: existing.answers }
        : { ...existing, forms: month.forms, answers: month.answers },
    );
  }
  return { ...data, months: [...byMonth.values()].sort((a, b) => compareIso(a.month, b.month)) };
}
