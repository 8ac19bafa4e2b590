import { z } from 'zod';
import { evaluationIdSchema } from './definition';

/**
 * A municipality's evaluation figures, month by month. Aggregate only: counts, never a row about
 * a person, a name, a CPR number or a free-text answer. Imports add to these counts and drop the rows.
 */

/** Upper bounds (inclusive) of the wait buckets in weeks from the family's yes; the last bucket is "longer". */
export const WAIT_WEEK_BOUNDS = [1, 2, 3, 4, 6, 8] as const;
/** Upper bounds (inclusive) of the duration buckets in hours; the last bucket is "longer". */
export const DURATION_HOUR_BOUNDS = [1, 2, 3, 4, 5] as const;
export const WAIT_BUCKETS = WAIT_WEEK_BOUNDS.length + 1;
export const DURATION_BUCKETS = DURATION_HOUR_BOUNDS.length + 1;

const count = z.number().int().min(0).max(1_000_000);
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM');

export const answerCountsSchema = z.strictObject({
  item: evaluationIdSchema,
  group: evaluationIdSchema,
  /** How many answered 1, 2, 3, 4 and 5 (5 is the most positive). */
  counts: z.tuple([count, count, count, count, count]),
});
export type AnswerCounts = z.infer<typeof answerCountsSchema>;

export const evaluationMonthSchema = z.strictObject({
  month: monthSchema,
  firstConferences: count,
  followUpConferences: count,
  /** Conferences (first or follow-up) that ended with a plan. */
  plans: count,
  /** First conferences of this month followed up within the pack's window (3–6 months). */
  followUpsInWindow: count,
  /** Conferences per wait bucket (see WAIT_WEEK_BOUNDS); those without a yes date are not counted. */
  weeksFromYes: z.array(count).length(WAIT_BUCKETS),
  /** Conferences per duration bucket (see DURATION_HOUR_BOUNDS). */
  durationHours: z.array(count).length(DURATION_BUCKETS),
  /** Questionnaires received per respondent group. */
  forms: z.array(z.strictObject({ group: evaluationIdSchema, count })).default([]),
  answers: z.array(answerCountsSchema).default([]),
});
export type EvaluationMonth = z.infer<typeof evaluationMonthSchema>;

/** A metric the municipality sets a target for: a register metric or `item:<id>` (share of positive answers). */
export const targetMetricSchema = z.string().regex(/^(plan_rate|within_weeks|within_hours|follow_up_rate|item:[a-z][a-z0-9_-]*)$/, 'must be plan_rate, within_weeks, within_hours, follow_up_rate or item:<item id>');

export const evaluationDataSchema = z.strictObject({
  targets: z.array(z.strictObject({ metric: targetMetricSchema, percent: z.number().min(0).max(100) })).max(200).default([]),
  months: z.array(evaluationMonthSchema).max(1200).default([]),
});
export type EvaluationData = z.infer<typeof evaluationDataSchema>;

export function emptyMonth(month: string): EvaluationMonth {
  return {
    month,
    firstConferences: 0,
    followUpConferences: 0,
    plans: 0,
    followUpsInWindow: 0,
    weeksFromYes: Array<number>(WAIT_BUCKETS).fill(0),
    durationHours: Array<number>(DURATION_BUCKETS).fill(0),
    forms: [],
    answers: [],
  };
}

export function emptyEvaluationData(): EvaluationData {
  return { targets: [], months: [] };
}

/** The bucket a value falls in: the first bound it does not exceed, or the last ("longer"). */
export function bucketOf(value: number, bounds: readonly number[]): number {
  const index = bounds.findIndex((bound) => value <= bound);
  return index < 0 ? bounds.length : index;
}

export function formsIn(month: EvaluationMonth): number {
  return month.forms.reduce((n, f) => n + f.count, 0);
}
