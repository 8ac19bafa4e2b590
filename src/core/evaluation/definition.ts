import { z } from 'zod';
import type { Problem, Result } from '../schema/common';

/**
 * What a pack says about evaluating its method: the questionnaire items, the respondent groups,
 * published benchmark figures with their source, and the implementation stages with the rules
 * that reach them. Lives in `content/<pack>/evaluation.yml`; a pack without the file has none.
 */

const idPattern = /^[a-z][a-z0-9_-]*$/;
/** Item ids are column headers in the import files, so they follow the documented snake_case names. */
export const evaluationIdSchema = z.string().regex(idPattern, 'must be lowercase letters, digits, "_" or "-", e.g. "tilfreds_plan"').max(60);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const percent = z.number().min(0).max(100);

const evaluationSourceSchema = z.strictObject({
  id: evaluationIdSchema,
  title: text(400),
  publisher: text(200),
  year: z.number().int().min(1900).max(2100).optional(),
  note: z.string().max(1000).optional(),
});

export const respondentGroupSchema = z.strictObject({
  id: evaluationIdSchema,
  title: text(120),
  titleEn: text(120),
  /** Other words an import file may use in its `gruppe` column (compared without case). */
  aliases: z.array(z.string().trim().min(1).max(60)).default([]),
});

/** A published figure to compare with: the share of positive (or negative) answers. */
export const benchmarkSchema = z.strictObject({
  /** A respondent group, or absent for all participants together. */
  group: evaluationIdSchema.optional(),
  positive: percent.optional(),
  negative: percent.optional(),
  source: evaluationIdSchema,
  note: z.string().max(400).default(''),
  /** The note in English, shown in the English edition (optional, like every English text of a pack). */
  noteEn: text(400).optional(),
});

export const evaluationItemSchema = z.strictObject({
  id: evaluationIdSchema,
  title: text(200),
  titleEn: text(200),
  /** Which groups are asked; absent means every group. */
  groups: z.array(evaluationIdSchema).optional(),
  benchmarks: z.array(benchmarkSchema).default([]),
});

/** The register figures that have a published figure or a practice norm. */
export const REGISTER_METRICS = ['plan_rate', 'within_weeks', 'within_hours', 'follow_up_rate'] as const;
export type RegisterMetric = (typeof REGISTER_METRICS)[number];

export const registerBenchmarkSchema = z.strictObject({
  metric: z.enum(REGISTER_METRICS),
  percent: percent.optional(),
  source: evaluationIdSchema,
  note: z.string().max(400).default(''),
  noteEn: text(400).optional(),
});

export const normsSchema = z.strictObject({
  /** At most this many weeks from the family's yes to the conference. */
  maxWeeksFromYes: z.number().int().min(1).max(52).default(4),
  /** A conference lasts at most this many hours. */
  maxHours: z.number().min(0.5).max(24).default(3),
  /** A follow-up counts when held this many months after the first conference. */
  followUpMonths: z.tuple([z.number().int().min(0).max(24), z.number().int().min(1).max(36)]).default([3, 6]),
});

/**
 * What a stage needs. Only "in place" counts: "in progress" never moves a municipality on.
 * Items marked not relevant are left out; a group with nothing left to check is met.
 */
export const stageRequirementsSchema = z.strictObject({
  inPlace: z
    .strictObject({
      drivers: z.array(z.string().min(1).max(80)).default([]),
      phases: z.array(z.string().min(1).max(80)).default([]),
      milestones: z.array(z.string().min(1).max(120)).default([]),
    })
    .default({ drivers: [], phases: [], milestones: [] }),
  /** At least this many conferences held in all. */
  conferencesHeld: z.number().int().min(0).max(100000).optional(),
  /** Conferences in the last twelve months at least this share of the year's target. */
  targetShare: percent.optional(),
  /** Questionnaire results collected in at least this many months. */
  evaluationMonths: z.number().int().min(0).max(600).optional(),
});
export type StageRequirements = z.infer<typeof stageRequirementsSchema>;

export const stageSchema = z.strictObject({
  id: evaluationIdSchema,
  title: text(120),
  titleEn: text(120),
  description: z.string().max(1000).default(''),
  descriptionEn: text(1000).optional(),
  /** The pack's wheel phases that belong to this stage. */
  phases: z.array(z.string().min(1).max(80)).default([]),
  requires: stageRequirementsSchema.default({ inPlace: { drivers: [], phases: [], milestones: [] } }),
});
export type Stage = z.infer<typeof stageSchema>;

export const evaluationDefinitionSchema = z.strictObject({
  sources: z.array(evaluationSourceSchema).default([]),
  groups: z.array(respondentGroupSchema).default([]),
  items: z.array(evaluationItemSchema).default([]),
  register: z.array(registerBenchmarkSchema).default([]),
  norms: normsSchema.default({ maxWeeksFromYes: 4, maxHours: 3, followUpMonths: [3, 6] }),
  /** Milestones whose detail shows the evaluation figures (e.g. the guide's milestones 16 and 17). */
  milestones: z.array(z.string().min(1).max(120)).default([]),
  /** The item whose positive share the portfolio shows as "satisfaction". */
  satisfactionItem: evaluationIdSchema.optional(),
  /** The wheel phase that reflects whether results are collected. */
  evaluationPhase: z.string().min(1).max(80).optional(),
  /** Where the stages come from, e.g. Fixsen et al. 2005. */
  stagesSource: evaluationIdSchema.optional(),
  /** In order; the first has no requirements. */
  stages: z.array(stageSchema).default([]),
});
export type EvaluationDefinition = z.infer<typeof evaluationDefinitionSchema>;
export type EvaluationItem = z.infer<typeof evaluationItemSchema>;
export type RespondentGroup = z.infer<typeof respondentGroupSchema>;
export type Benchmark = z.infer<typeof benchmarkSchema>;
export type RegisterBenchmark = z.infer<typeof registerBenchmarkSchema>;

export const EVALUATION_FILE = 'evaluation.yml';

/** What the definition may refer to in its pack. */
export interface PackOutline {
  drivers: readonly string[];
  phases: readonly string[];
  milestones: readonly string[];
}

/** Checks references inside the definition and into the pack; problems name the field. */
export function checkEvaluationDefinition(definition: EvaluationDefinition, pack: PackOutline, file: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ file, field, message });
  const known = (ids: readonly string[]) => new Set(ids);
  const sources = known(definition.sources.map((s) => s.id));
  const groups = known(definition.groups.map((g) => g.id));
  const drivers = known(pack.drivers);
  const phases = known(pack.phases);
  const milestones = known(pack.milestones);
  const unique = (ids: readonly string[], field: (i: number) => string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) add(field(i), `duplicate ${what} id "${id}"`);
      seen.add(id);
    });
  };
  unique(definition.sources.map((s) => s.id), (i) => `sources[${i}].id`, 'source');
  unique(definition.groups.map((g) => g.id), (i) => `groups[${i}].id`, 'group');
  unique(definition.items.map((g) => g.id), (i) => `items[${i}].id`, 'item');
  unique(definition.stages.map((g) => g.id), (i) => `stages[${i}].id`, 'stage');
  definition.items.forEach((item, i) => {
    item.groups?.forEach((g, j) => groups.has(g) || add(`items[${i}].groups[${j}]`, `unknown group "${g}"; known: ${[...groups].join(', ')}`));
    item.benchmarks.forEach((b, j) => {
      if (!sources.has(b.source)) add(`items[${i}].benchmarks[${j}].source`, `unknown source "${b.source}"`);
      if (b.group !== undefined && !groups.has(b.group)) add(`items[${i}].benchmarks[${j}].group`, `unknown group "${b.group}"`);
      if (b.positive === undefined && b.negative === undefined) add(`items[${i}].benchmarks[${j}]`, 'give a positive or a negative share');
    });
  });
  definition.register.forEach((b, i) => sources.has(b.source) || add(`register[${i}].source`, `unknown source "${b.source}"`));
  definition.milestones.forEach((m, i) => milestones.has(m) || add(`milestones[${i}]`, `unknown milestone "${m}"`));
  if (definition.satisfactionItem !== undefined && !definition.items.some((i) => i.id === definition.satisfactionItem)) add('satisfactionItem', `unknown item "${definition.satisfactionItem}"`);
  if (definition.evaluationPhase !== undefined && !phases.has(definition.evaluationPhase)) add('evaluationPhase', `unknown phase "${definition.evaluationPhase}"`);
  if (definition.stagesSource !== undefined && !sources.has(definition.stagesSource)) add('stagesSource', `unknown source "${definition.stagesSource}"`);
  definition.stages.forEach((stage, i) => {
    stage.phases.forEach((p, j) => phases.has(p) || add(`stages[${i}].phases[${j}]`, `unknown phase "${p}"`));
    stage.requires.inPlace.drivers.forEach((d, j) => drivers.has(d) || add(`stages[${i}].requires.inPlace.drivers[${j}]`, `unknown driver "${d}"`));
    stage.requires.inPlace.phases.forEach((p, j) => phases.has(p) || add(`stages[${i}].requires.inPlace.phases[${j}]`, `unknown phase "${p}"`));
    stage.requires.inPlace.milestones.forEach((m, j) => milestones.has(m) || add(`stages[${i}].requires.inPlace.milestones[${j}]`, `unknown milestone "${m}"`));
  });
  return problems;
}

/** Parses the already-read YAML value of an evaluation.yml. */
export function parseEvaluationDefinition(value: unknown, pack: PackOutline, file: string): Result<EvaluationDefinition> {
  const parsed = evaluationDefinitionSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ file, field: issue.path.map(String).join('.') || '(top level)', message: issue.message })) };
  }
  const problems = checkEvaluationDefinition(parsed.data, pack, file);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}
