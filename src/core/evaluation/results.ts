import type { MunicipalityFile } from '../schema/municipality';
import { DURATION_HOUR_BOUNDS, WAIT_WEEK_BOUNDS, formsIn, type EvaluationMonth } from './data';
import type { Benchmark, EvaluationDefinition, RegisterMetric } from './definition';

/** Answers read 2-1-2: the two top answers positive, the middle neutral, the two bottom negative. */
export interface AnswerShares {
  answers: number;
  /** Percentages 0–100, null without answers. */
  positive: number | null;
  neutral: number | null;
  negative: number | null;
  counts: [number, number, number, number, number];
}

export function sharesOf(counts: readonly number[]): AnswerShares {
  const c = [0, 1, 2, 3, 4].map((i) => counts[i] ?? 0) as [number, number, number, number, number];
  const answers = c[0] + c[1] + c[2] + c[3] + c[4];
  const pct = (n: number) => (answers === 0 ? null : (n / answers) * 100);
  return { answers, positive: pct(c[3] + c[4]), neutral: pct(c[2]), negative: pct(c[0] + c[1]), counts: c };
}

export interface ItemResult {
  id: string;
  title: string;
  titleEn: string;
  all: AnswerShares;
  groups: Array<{ id: string; title: string; titleEn: string; shares: AnswerShares; benchmark: Benchmark | null }>;
  /** The benchmark for all participants, when the pack has one. */
  benchmark: Benchmark | null;
  /** The municipality's own target for the share of positive answers. */
  target: number | null;
}

export interface RegisterFigure {
  metric: RegisterMetric;
  /** Numerator and denominator, so every screen can say what the figure is computed from. */
  count: number;
  of: number;
  percent: number | null;
  benchmark: number | null;
  benchmarkNote: string;
  target: number | null;
}

export interface EvaluationResults {
  from: string | null;
  to: string | null;
  months: number;
  firstConferences: number;
  followUpConferences: number;
  plans: number;
  forms: number;
  formsByGroup: Record<string, number>;
  register: RegisterFigure[];
  items: ItemResult[];
  /** Wait and duration distributions over the period, with the bucket bounds. */
  weeksFromYes: number[];
  durationHours: number[];
  waitBounds: readonly number[];
  hourBounds: readonly number[];
  sourceTitle: string | null;
  norms: EvaluationDefinition['norms'];
}

const DEFAULT_NORMS: EvaluationDefinition['norms'] = { maxWeeksFromYes: 4, maxHours: 3, followUpMonths: [3, 6] };

export function monthsInPeriod(file: MunicipalityFile, from?: string | null, to?: string | null): EvaluationMonth[] {
  return (file.evaluation?.months ?? []).filter((m) => (from === null || from === undefined || m.month >= from) && (to === null || to === undefined || m.month <= to));
}

function sumArrays(rows: ReadonlyArray<readonly number[]>, length: number): number[] {
  const out = Array<number>(length).fill(0);
  for (const row of rows) row.forEach((n, i) => (out[i] = (out[i] ?? 0) + n));
  return out;
}

/** YYYY-MM moved by whole months. */
export function shiftMonth(month: string, by: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

const percentOf = (count: number, of: number) => (of === 0 ? null : (count / of) * 100);

/** Rates over a period (months YYYY-MM, both inclusive; null for open), beside benchmarks and targets. */
export function evaluationResults(file: MunicipalityFile, from: string | null = null, to: string | null = null): EvaluationResults {
  const definition = file.framework.evaluation;
  const norms = definition?.norms ?? DEFAULT_NORMS;
  const months = monthsInPeriod(file, from, to);
  const targets = new Map((file.evaluation?.targets ?? []).map((t) => [t.metric, t.percent]));
  const sum = (f: (m: EvaluationMonth) => number) => months.reduce((n, m) => n + f(m), 0);
  const firstConferences = sum((m) => m.firstConferences);
  const followUpConferences = sum((m) => m.followUpConferences);
  const plans = sum((m) => m.plans);
  const weeksFromYes = sumArrays(months.map((m) => m.weeksFromYes), WAIT_WEEK_BOUNDS.length + 1);
  const durationHours = sumArrays(months.map((m) => m.durationHours), DURATION_HOUR_BOUNDS.length + 1);
  const within = (buckets: number[], bounds: readonly number[], limit: number) => buckets.reduce((n, c, i) => n + (i < bounds.length && bounds[i]! <= limit ? c : 0), 0);
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const registerBenchmark = (metric: RegisterMetric) => definition?.register.find((b) => b.metric === metric);
  const figure = (metric: RegisterMetric, count: number, of: number): RegisterFigure => ({
    metric,
    count,
    of,
    percent: percentOf(count, of),
    benchmark: registerBenchmark(metric)?.percent ?? null,
    benchmarkNote: registerBenchmark(metric)?.note ?? '',
    target: targets.get(metric) ?? null,
  });

  const lastMonth = (file.evaluation?.months ?? []).filter((m) => m.firstConferences + m.followUpConferences > 0).at(-1)?.month ?? null;
  const dueForFollowUp = lastMonth === null ? [] : months.filter((m) => m.month <= shiftMonth(lastMonth, -norms.followUpMonths[0]));
  const formsByGroup: Record<string, number> = {};
  for (const m of months) for (const f of m.forms) formsByGroup[f.group] = (formsByGroup[f.group] ?? 0) + f.count;

  const groups = definition?.groups ?? [];
  const items: ItemResult[] = (definition?.items ?? []).map((item) => {
    const perGroup = new Map<string, number[]>();
    for (const m of months) {
      for (const a of m.answers) {
        if (a.item !== item.id) continue;
        perGroup.set(a.group, sumArrays([perGroup.get(a.group) ?? [0, 0, 0, 0, 0], a.counts], 5));
      }
    }
    const asked = groups.filter((g) => item.groups === undefined || item.groups.includes(g.id) || perGroup.has(g.id));
    return {
      id: item.id,
      title: item.title,
      titleEn: item.titleEn,
      all: sharesOf(sumArrays([...perGroup.values()], 5)),
      groups: asked.map((g) => ({ id: g.id, title: g.title, titleEn: g.titleEn, shares: sharesOf(perGroup.get(g.id) ?? []), benchmark: item.benchmarks.find((b) => b.group === g.id) ?? null })),
      benchmark: item.benchmarks.find((b) => b.group === undefined) ?? null,
      target: targets.get(`item:${item.id}`) ?? null,
    };
  });

  const sourceId = definition?.items.flatMap((i) => i.benchmarks)[0]?.source ?? definition?.register[0]?.source;
  const source = definition?.sources.find((s) => s.id === sourceId);
  return {
    from,
    to,
    months: months.length,
    firstConferences,
    followUpConferences,
    plans,
    forms: sum(formsIn),
    formsByGroup,
    register: [
      figure('plan_rate', plans, firstConferences + followUpConferences),
      figure('within_weeks', within(weeksFromYes, WAIT_WEEK_BOUNDS, norms.maxWeeksFromYes), total(weeksFromYes)),
      figure('within_hours', within(durationHours, DURATION_HOUR_BOUNDS, norms.maxHours), total(durationHours)),
      // Only first conferences old enough to have had a follow-up count, or recent months would always pull the rate down.
      figure('follow_up_rate', dueForFollowUp.reduce((n, m) => n + m.followUpsInWindow, 0), dueForFollowUp.reduce((n, m) => n + m.firstConferences, 0)),
    ],
    items,
    weeksFromYes,
    durationHours,
    waitBounds: WAIT_WEEK_BOUNDS,
    hourBounds: DURATION_HOUR_BOUNDS,
    sourceTitle: source ? `${source.publisher}: ${source.title}` : null,
    norms,
  };
}

/** Questionnaires received in a calendar year, for "Evaluering i gang: 38 skemaer i 2026". */
export function formsInYear(file: Pick<MunicipalityFile, 'evaluation'>, year: number): number {
  return (file.evaluation?.months ?? []).filter((m) => m.month.startsWith(`${year}-`)).reduce((n, m) => n + formsIn(m), 0);
}

/** Months with at least one questionnaire: how long results have been collected. */
export function monthsWithResults(file: Pick<MunicipalityFile, 'evaluation'>): number {
  return (file.evaluation?.months ?? []).filter((m) => formsIn(m) > 0).length;
}
