import type { MunicipalityFile } from '../schema/municipality';

export interface TallyProgress {
  year: number;
  target: number | null;
  total: number;
  /** Share of the target reached (0–100, capped), null without a target. */
  percent: number | null;
  /** Counts per month (1–12) and case type. */
  byMonth: Array<{ month: number; byCaseType: Record<string, number>; total: number }>;
  byCaseType: Record<string, number>;
}

export function tallyProgress(file: MunicipalityFile, year: number): TallyProgress {
  const caseTypes = file.framework.tally?.caseTypes.map((c) => c.id) ?? [];
  const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, byCaseType: Object.fromEntries(caseTypes.map((c) => [c, 0])) as Record<string, number>, total: 0 }));
  const byCaseType: Record<string, number> = Object.fromEntries(caseTypes.map((c) => [c, 0]));
  let total = 0;
  for (const entry of file.conferences.counts) {
    if (!entry.month.startsWith(`${year}-`)) continue;
    const month = byMonth[Number(entry.month.slice(5, 7)) - 1]!;
    month.byCaseType[entry.caseType] = (month.byCaseType[entry.caseType] ?? 0) + entry.count;
    month.total += entry.count;
    byCaseType[entry.caseType] = (byCaseType[entry.caseType] ?? 0) + entry.count;
    total += entry.count;
  }
  const target = file.conferences.targets.find((t) => t.year === year)?.count ?? null;
  return { year, target, total, percent: target === null || target === 0 ? null : Math.min(100, (total / target) * 100), byMonth, byCaseType };
}
