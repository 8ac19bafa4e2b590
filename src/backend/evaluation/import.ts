import { aggregateTable, mergeImported, personalDataProblem, type AggregatedTable, type ImportProblem } from '../../core/evaluation/aggregate';
import { emptyEvaluationData } from '../../core/evaluation/data';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { isXlsx, readCsv, readXlsx } from './read-table';

export interface EvaluationImportSummary {
  kinds: Array<{ kind: AggregatedTable['kind']; sheet: string | null; rows: number; months: string[]; ignoredColumns: string[] }>;
}

export type EvaluationImportResult = { ok: true; file: MunicipalityFile; summary: EvaluationImportSummary } | { ok: false; problems: ImportProblem[] };

/**
 * Reads a register or answers file (CSV, or XLSX with one sheet per kind), checks every sheet for
 * personal data before counting anything, and returns the municipality with the counts merged in.
 * Returns problems instead when anything is wrong; the caller then stores nothing.
 */
export async function importEvaluation(file: MunicipalityFile, fileName: string, bytes: Uint8Array): Promise<EvaluationImportResult> {
  const read = isXlsx(fileName, bytes) ? await readXlsx(bytes) : readCsv(new TextDecoder('utf-8').decode(bytes));
  if (!read.ok) return read;
  // Personal data in any sheet refuses the whole file, before a single count is made.
  for (const table of read.tables) {
    const personal = personalDataProblem(table);
    if (personal) return { ok: false, problems: [personal] };
  }
  let data = file.evaluation ?? emptyEvaluationData();
  const summary: EvaluationImportSummary = { kinds: [] };
  const problems: ImportProblem[] = [];
  for (const table of read.tables) {
    const result = aggregateTable(table, file.framework.evaluation);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    data = mergeImported(data, result.value);
    summary.kinds.push({ kind: result.value.kind, sheet: table.sheet ?? null, rows: result.value.rows, months: result.value.months.map((m) => m.month), ignoredColumns: result.value.ignoredColumns });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, file: { ...file, evaluation: data }, summary };
}

export function formatImportProblem(problem: ImportProblem, language: 'da' | 'en'): string {
  const sheet = problem.sheet ? (language === 'da' ? `Ark "${problem.sheet}": ` : `Sheet "${problem.sheet}": `) : '';
  return sheet + problem[language];
}
