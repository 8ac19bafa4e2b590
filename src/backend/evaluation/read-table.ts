import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import type { ImportProblem, RawTable } from '../../core/evaluation/aggregate';

/** Reads an imported CSV or XLSX into tables of text cells; nothing here is kept after the import. */

export type TablesResult = { ok: true; tables: RawTable[] } | { ok: false; problems: ImportProblem[] };

/** 20,000 rows are years of a large municipality's conferences; more is not a register. */
const MAX_ROWS = 200_000;

export function isXlsx(fileName: string, bytes: Uint8Array): boolean {
  // XLSX is a zip file: "PK\x03\x04". The name decides only when the content is not a zip.
  return (bytes[0] === 0x50 && bytes[1] === 0x4b) || fileName.toLowerCase().endsWith('.xlsx');
}

/** Danish Excel writes ";" (the comma is the decimal mark); survey tools often ","; the header line decides. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return [';', '\t', ','].map((d) => ({ d, n: header.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
}

export function readCsv(text: string): TablesResult {
  let records: string[][];
  try {
    records = parse(text, { delimiter: delimiterOf(text.replace(/^\uFEFF/, '')), bom: true, relax_column_count: false, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; index?: number; column?: number | string; code?: string; message?: string };
    const row = typeof e.lines === 'number' ? e.lines : null;
    // A ragged row is wrong from its first missing or extra field; otherwise the parser's field index (0-based).
    const counts = /expect (\d+), got (\d+)/.exec(e.message ?? '');
    const column = counts ? String(Math.min(Number(counts[1]), Number(counts[2])) + 1) : typeof e.column === 'number' ? String(e.column + 1) : null;
    const what = e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? ['har et andet antal kolonner end overskriften', 'has a different number of columns from the header'] : e.code?.includes('QUOTE') ? ['har et anførselstegn, der ikke passer', 'has a quote mark that does not match'] : ['kan ikke læses', 'cannot be read'];
    return {
      ok: false,
      problems: [{ row, column, da: `CSV-filen er beskadiget: række ${row ?? '?'}, kolonne ${column ?? '?'} ${what[0]}. Ret filen og importér igen. Intet er gemt.`, en: `The CSV file is damaged: row ${row ?? '?'}, column ${column ?? '?'} ${what[1]}. Fix the file and import again. Nothing was stored.` }],
    };
  }
  const [headers, ...rows] = records;
  if (!headers) return { ok: false, problems: [{ row: null, column: null, da: 'CSV-filen er tom.', en: 'The CSV file is empty.' }] };
  if (rows.length > MAX_ROWS) return { ok: false, problems: [{ row: null, column: null, da: `Filen har ${rows.length} rækker; højst ${MAX_ROWS} kan importeres ad gangen.`, en: `The file has ${rows.length} rows; at most ${MAX_ROWS} can be imported at a time.` }] };
  // skip_empty_lines shifts numbering only for blank lines, which a register rarely has; rows count from the header as 1.
  return { ok: true, tables: [{ headers, rows: rows.map((cells, i) => ({ line: i + 2, cells })) }] };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

export async function readXlsx(bytes: Uint8Array): Promise<TablesResult> {
  // Loaded here, not at start: exceljs takes ~0.3 s to load and only an XLSX import needs it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ row: null, column: null, da: 'XLSX-filen er beskadiget og kan ikke åbnes. Gem den igen fra Excel og importér igen. Intet er gemt.', en: 'The XLSX file is damaged and cannot be opened. Save it again from Excel and import again. Nothing was stored.' }] };
  }
  const tables: RawTable[] = [];
  let rowCount = 0;
  workbook.eachSheet((sheet) => {
    const headerRow = sheet.getRow(1);
    const width = Math.max(sheet.actualColumnCount, headerRow.cellCount);
    const headers = Array.from({ length: width }, (_, i) => cellText(headerRow.getCell(i + 1).value).trim());
    if (headers.every((h) => h === '')) return;
    const rows: RawTable['rows'] = [];
    sheet.eachRow((row, line) => {
      if (line === 1) return;
      rows.push({ line, cells: Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value).trim()) });
    });
    rowCount += rows.length;
    tables.push({ sheet: sheet.name, headers, rows });
  });
  if (rowCount > MAX_ROWS) return { ok: false, problems: [{ row: null, column: null, da: `Filen har ${rowCount} rækker; højst ${MAX_ROWS} kan importeres ad gangen.`, en: `The file has ${rowCount} rows; at most ${MAX_ROWS} can be imported at a time.` }] };
  if (tables.length === 0) return { ok: false, problems: [{ row: null, column: null, da: 'XLSX-filen har ingen ark med overskrifter i første række.', en: 'The XLSX file has no sheet with headers in its first row.' }] };
  return { ok: true, tables };
}
