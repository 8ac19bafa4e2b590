import { z } from 'zod';
import { isOverdue } from './checklist/summary';
import { isStale } from './history/stale';
import { sortedSnapshots } from './history/snapshot';
import type { statusSchema } from './schema/common';
import { roundMap, type MunicipalityFile } from './schema/municipality';
import type { Pack } from './schema/pack';
import { scoreMunicipality } from './scoring/score';
import { portfolioEvaluation, portfolioEvaluationSchema } from './evaluation/portfolio-figures';

const percent = z.number().min(0).max(100).nullable();

/** Which evaluation columns the method's evaluation definition has: a method without conference register figures gets no plan-rate column. */
export const evaluationColumnsSchema = z.object({ stage: z.boolean(), planRate: z.boolean(), satisfaction: z.boolean(), followUpRate: z.boolean() });
export type EvaluationColumns = z.infer<typeof evaluationColumnsSchema>;

export function evaluationColumns(pack: Pick<Pack, 'evaluation'>): EvaluationColumns {
  const definition = pack.evaluation;
  const register = new Set(definition?.register.map((b) => b.metric) ?? []);
  return {
    stage: (definition?.stages.length ?? 0) > 0,
    planRate: register.has('plan_rate'),
    satisfaction: definition?.satisfactionItem !== undefined,
    followUpRate: register.has('follow_up_rate'),
  };
}

export const portfolioSchema = z.object({
  pack: z.object({ id: z.string(), title: z.string(), version: z.string(), titleEn: z.string().optional() }),
  /** Absent in a portfolio made before it: then every evaluation column is shown, as before. */
  evaluationColumns: evaluationColumnsSchema.optional(),
  drivers: z.array(z.object({ id: z.string(), title: z.string(), titleEn: z.string().optional() })),
  milestones: z.array(z.object({ id: z.string(), title: z.string(), shortTitle: z.string(), driverId: z.string(), titleEn: z.string().optional(), shortTitleEn: z.string().optional() })),
  municipalities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      isExample: z.boolean(),
      overall: percent,
      // Checked by one function each (as in a round): zod's generic records made a 500-row portfolio slow to check.
      drivers: roundMap<number | null>('percent'),
      lastAssessment: z.string().nullable(),
      overdueCount: z.number().int(),
      staleCount: z.number().int(),
      /** Status per pack milestone; absent when the municipality removed it. */
      statuses: roundMap<z.infer<typeof statusSchema>>('status'),
      /** Issue 12: stage and the last twelve months' plan rate, satisfaction and follow-up rate. */
      evaluation: portfolioEvaluationSchema.nullable().optional(),
    }),
  ),
});
export type Portfolio = z.infer<typeof portfolioSchema>;
export type PortfolioRow = Portfolio['municipalities'][number];

/** One collator for every comparison: localeCompare with a locale builds one per call, slow for 1,000 names. */
// Made on first use: a collator costs ~10 ms to create, and this module loads with the api contract.
let byName: Intl.Collator | undefined;
/** Municipality names in Danish order, numbers by value ("Kommune 2" before "Kommune 10"). */
export const nameOrder = (): Intl.Collator => (byName ??= new Intl.Collator('da', { numeric: true }));

export const portfolioRowSchema = portfolioSchema.shape.municipalities.element;

/** One municipality's row: scores, counts and the status of each of the pack's milestones. */
export function portfolioRow(pack: Pick<Pack, 'milestones'>, file: MunicipalityFile, today: string): PortfolioRow {
  const milestoneIds = new Set(pack.milestones.map((m) => m.id));
  const report = scoreMunicipality(file);
  return {
    id: file.id,
    name: file.name,
    isExample: file.isExample,
    overall: report.overall.percent,
    drivers: Object.fromEntries(report.drivers.map((d) => [d.id, d.percent])),
    lastAssessment: sortedSnapshots(file).at(-1)?.date ?? null,
    overdueCount: file.items.filter((i) => isOverdue(i, today)).length,
    staleCount: file.items.filter((i) => isStale(i, file, today)).length,
    statuses: Object.fromEntries(file.items.filter((i) => milestoneIds.has(i.id)).map((i) => [i.id, i.status])),
    evaluation: portfolioEvaluation(file, today),
  };
}

/** The portfolio from rows already made (e.g. cached per file); rows of other packs must be left out by the caller. */
export function assemblePortfolio(pack: Pack, rows: readonly PortfolioRow[]): Portfolio {
  return {
    pack: { id: pack.id, title: pack.title, version: pack.version, ...(pack.en ? { titleEn: pack.en.title } : {}) },
    evaluationColumns: evaluationColumns(pack),
    drivers: pack.drivers.map((d) => ({ id: d.id, title: d.title, ...(d.en ? { titleEn: d.en.title } : {}) })),
    milestones: pack.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      shortTitle: m.shortTitle ?? m.title,
      driverId: m.driver,
      ...(m.en ? { titleEn: m.en.title, shortTitleEn: m.en.shortTitle ?? m.en.title } : {}),
    })),
    municipalities: [...rows].sort((a, b) => nameOrder().compare(a.name, b.name)),
  };
}

/** The portfolio's headings in the reader's language: English where the pack gives it, else the pack's own words. */
export function localizePortfolio(portfolio: Portfolio, language: 'da' | 'en'): Portfolio {
  if (language === 'da') return portfolio;
  return {
    ...portfolio,
    pack: { ...portfolio.pack, title: portfolio.pack.titleEn ?? portfolio.pack.title },
    drivers: portfolio.drivers.map((d) => ({ ...d, title: d.titleEn ?? d.title })),
    milestones: portfolio.milestones.map((m) => ({ ...m, title: m.titleEn ?? m.title, shortTitle: m.shortTitleEn ?? m.titleEn ?? m.shortTitle })),
    municipalities: portfolio.municipalities.map((m) => (m.evaluation ? { ...m, evaluation: { ...m.evaluation, stage: m.evaluation.stageEn ?? m.evaluation.stage } } : m)),
  };
}

/** Every municipality on one method side by side; only the pack's milestones, so columns compare like with like. */
export function buildPortfolio(pack: Pack, files: readonly MunicipalityFile[], today: string): Portfolio {
  return assemblePortfolio(pack, files.filter((f) => f.pack.id === pack.id).map((file) => portfolioRow(pack, file, today)));
}

/**
 * Names replaced by "Kommune A", "Kommune B", … for presenting comparisons. The letters follow the
 * files' ids, not the names, so the order gives nothing away; the same workspace gives the same letters.
 */
export function anonymise(portfolio: Portfolio, word = 'Kommune'): Portfolio {
  const order = [...portfolio.municipalities].sort((a, b) => a.id.localeCompare(b.id));
  const letter = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : letter(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26)));
  const names = new Map(order.map((m, n) => [m.id, `${word} ${letter(n)}`]));
  return { ...portfolio, municipalities: portfolio.municipalities.map((m) => ({ ...m, name: names.get(m.id)! })) };
}
