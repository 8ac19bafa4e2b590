import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, nonEmptyText, semverSchema, slugSchema, statusSchema } from './common';
import { driverSchema, englishTitleSchema, maturityBandSchema, milestoneEnglishSchema, phaseSchema, referenceSchema, sourceSchema, tallySchema } from './pack';
import { fidelitySchema, itemPrincipleSchema, itemToolSchema } from './principles';
import { evaluationDefinitionSchema } from '../evaluation/definition';
import { evaluationDataSchema } from '../evaluation/data';
import { steeringDecisionFlagSchema, steeringSchema } from './steering';

/** The version this build writes. Files with a higher number were written by a newer Milepæl. */
export const CURRENT_SCHEMA_VERSION = 6;

const itemIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"').max(120);

export const answeredQuestionSchema = z.strictObject({
  id: itemIdSchema,
  origin: z.enum(['pack', 'custom']),
  text: nonEmptyText(1000),
  answer: z.string().max(20000).default(''),
  /** The pack's wording when last synced, so a pack update can tell a local rewording from its own. */
  packText: z.string().max(1000).optional(),
  /** The pack's English wording when last synced; shown in English while the text is still the pack's. */
  en: z.strictObject({ text: nonEmptyText(1000) }).optional(),
});

export const evidenceLinkSchema = z.strictObject({
  id: itemIdSchema,
  label: nonEmptyText(300),
  /** A web address or a path on a shared drive; shown as text and only opened on request. */
  target: nonEmptyText(2000),
});

export const checklistItemSchema = z.strictObject({
  id: itemIdSchema,
  /** Milestones belong to a driver; flow steps belong to a flow such as the year-1 flow. */
  kind: z.enum(['milestone', 'flow_step']),
  origin: z.enum(['pack', 'custom']),
  title: nonEmptyText(500),
  intro: z.string().max(20000).default(''),
  driverId: slugSchema.optional(),
  phaseId: slugSchema.optional(),
  focusAreaIds: z.array(slugSchema).default([]),
  flowId: slugSchema.optional(),
  stepKind: z.enum(['decision', 'task']).optional(),
  dependsOn: z.array(itemIdSchema).default([]),
  weight: z.number().positive().max(100).default(1),
  status: statusSchema,
  statusChangedAt: isoDateTimeSchema.optional(),
  /** When someone last confirmed the status (a change also counts); older than the cadence is stale. */
  reviewedAt: isoDateTimeSchema.optional(),
  /** The pack's title when last synced (pack items only). */
  packTitle: z.string().max(500).optional(),
  /** The pack's intro when last synced (pack items only), so a local rewording can be told from the pack's text. */
  packIntro: z.string().max(20000).optional(),
  /**
   * The pack's English when last synced (pack items only): title, short title and intro, each shown
   * in English while the Danish text it belongs to is still the pack's, and the resource notes.
   */
  en: milestoneEnglishSchema.optional(),
  owner: z.string().max(200).default(''),
  dueDate: isoDateSchema.optional(),
  notes: z.string().max(50000).default(''),
  questions: z.array(answeredQuestionSchema).default([]),
  evidence: z.array(evidenceLinkSchema).default([]),
  /** The pack's principles with their observable signs, as the municipality has ticked them. */
  principles: z.array(itemPrincipleSchema).max(50).optional(),
  resourceNotes: z.array(z.string().max(2000)).max(50).optional(),
  tools: z.array(itemToolSchema).max(50).optional(),
  /** Flagged by the project leader as needing a steering-group decision (optional; plan page 1). */
  steeringDecision: steeringDecisionFlagSchema.optional(),
});

export const frameworkFlowSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(200),
  description: z.string().max(4000).default(''),
  en: englishTitleSchema.optional(),
});

/** The pack's structure, copied in so a file can be scored and read without the pack. */
export const frameworkSchema = z.strictObject({
  drivers: z.array(driverSchema).min(1),
  phases: z.array(phaseSchema).min(1),
  maturityBands: z.array(maturityBandSchema).min(1),
  flows: z.array(frameworkFlowSchema).default([]),
  /** The pack's sources, cited in the plan's appendix. */
  sources: z.array(sourceSchema).default([]),
  tally: tallySchema.nullable().default(null),
  /** The pack's references (cornerstones, steps, …), for the plan's introduction and the fidelity checklist. */
  references: z.array(referenceSchema).optional(),
  /** The pack's evaluation items, benchmarks and stages (issue 12); absent for packs without them. */
  evaluation: evaluationDefinitionSchema.optional(),
});

const percentSchema = z.number().min(0).max(100).nullable();

/**
 * The maps inside a round (item id → status, due date, answered question ids) are checked with one
 * function each instead of zod's per-entry record parsing: a workspace holds thousands of rounds,
 * and this keeps five years of monthly rounds for 98 municipalities quick to open. The keys only
 * look up the file's own items, which are validated in full.
 */
type RoundValue = 'status' | 'date' | 'idList' | 'percent';
const STATUS_VALUES = new Set<unknown>(['not_started', 'in_progress', 'in_place', 'not_relevant']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const VALUE_CHECKS: Record<RoundValue, (v: unknown) => boolean> = {
  status: (v) => STATUS_VALUES.has(v),
  date: (v) => typeof v === 'string' && DATE.test(v),
  idList: (v) => Array.isArray(v) && v.length <= 500 && v.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 120),
  percent: (v) => v === null || (typeof v === 'number' && v >= 0 && v <= 100),
};
const VALUE_WORDS: Record<RoundValue, string> = { status: 'a status', date: 'a date written YYYY-MM-DD', idList: 'a list of question ids', percent: 'a percentage 0–100 or null' };

export const ROUND_MAP_META = 'milepaelRoundMap';

export function roundMap<T>(value: RoundValue) {
  const check = VALUE_CHECKS[value];
  return z
    .custom<Record<string, T>>((raw) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
      for (const key in raw) {
        if (!Object.hasOwn(raw, key) || key.length === 0 || key.length > 120 || key === '__proto__' || !check((raw as Record<string, unknown>)[key])) return false;
      }
      return true;
    }, `must map ids to ${VALUE_WORDS[value]}`)
    .meta({ [ROUND_MAP_META]: value });
}

/** A recorded assessment round ("statusmåling"): the state of every item on a date, kept for trends and deltas. */
export const snapshotSchema = z.strictObject({
  id: itemIdSchema,
  date: isoDateSchema,
  label: z.string().trim().max(200),
  recordedAt: isoDateTimeSchema,
  statuses: roundMap<z.infer<typeof statusSchema>>('status'),
  dueDates: roundMap<string>('date'),
  /** Ids of the answered questions per item, to tell new decisions apart. */
  answered: roundMap<string[]>('idList'),
  scores: z.strictObject({
    overall: percentSchema,
    drivers: roundMap<number | null>('percent'),
    phases: roundMap<number | null>('percent'),
  }),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const assessmentSchema = z.strictObject({
  /** How often the municipality reassesses, in months; null when it has not decided. */
  cadenceMonths: z.number().int().min(1).max(60).nullable(),
  snapshots: z.array(snapshotSchema).max(2000),
});

/** Only numbers: how many, which month, which case type. Never a name, a case number or a note. */
export const conferencesSchema = z.strictObject({
  targets: z.array(z.strictObject({ year: z.number().int().min(2000).max(2100), count: z.number().int().min(0).max(100000) })),
  counts: z.array(
    z.strictObject({
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM'),
      caseType: slugSchema,
      count: z.number().int().min(0).max(100000),
    }),
  ),
});
export type Conferences = z.infer<typeof conferencesSchema>;

const municipalityFileShape = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: itemIdSchema,
  name: nonEmptyText(200),
  pack: z.strictObject({ id: slugSchema, version: semverSchema, title: nonEmptyText(200), en: z.strictObject({ title: nonEmptyText(200) }).optional() }),
  framework: frameworkSchema,
  items: z.array(checklistItemSchema).max(5000),
  /** Pack items the municipality removed, so a pack update does not bring them back. */
  removedPackItemIds: z.array(itemIdSchema).default([]),
  /** Sample data made by Milepæl, shown with an "Eksempel" mark so nobody mistakes it for real. */
  isExample: z.boolean().default(false),
  assessment: assessmentSchema,
  conferences: conferencesSchema,
  /** The fidelity checklist gone through per period, in aggregate (counts only). */
  fidelity: fidelitySchema.optional(),
  /** Aggregate evaluation figures per month (issue 12); optional so older files stay valid. */
  evaluation: evaluationDataSchema.optional(),
  /** Risks, decision log, resources, roles and document control for the steering group (optional). */
  steering: steeringSchema.optional(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  /** Raised by one on every save; a save based on an older revision is a conflict. */
  revision: z.number().int().nonnegative(),
});

export const municipalityFileSchema = municipalityFileShape.superRefine((file, ctx) => {
  const driverIds = new Set(file.framework.drivers.map((d) => d.id));
  const phaseIds = new Set(file.framework.phases.map((p) => p.id));
  const flowIds = new Set(file.framework.flows.map((f) => f.id));
  const itemIds = new Set<string>();
  file.items.forEach((item, i) => {
    const at = (...rest: PropertyKey[]) => ['items', i, ...rest];
    if (itemIds.has(item.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `duplicate item id "${item.id}"` });
    itemIds.add(item.id);
    if (item.driverId !== undefined && !driverIds.has(item.driverId)) ctx.addIssue({ code: 'custom', path: at('driverId'), message: `unknown driver "${item.driverId}"` });
    if (item.phaseId !== undefined && !phaseIds.has(item.phaseId)) ctx.addIssue({ code: 'custom', path: at('phaseId'), message: `unknown phase "${item.phaseId}"` });
    if (item.kind === 'milestone' && item.driverId === undefined) ctx.addIssue({ code: 'custom', path: at('driverId'), message: 'a milestone must belong to a driver' });
    if (item.kind === 'flow_step' && (item.flowId === undefined || !flowIds.has(item.flowId))) ctx.addIssue({ code: 'custom', path: at('flowId'), message: 'a flow step must belong to a known flow' });
    if (item.kind === 'flow_step' && item.driverId !== undefined) ctx.addIssue({ code: 'custom', path: at('driverId'), message: 'a flow step does not belong to a driver; remove driverId (drivers are made of milestones)' });
    if (item.kind === 'milestone' && item.flowId !== undefined) ctx.addIssue({ code: 'custom', path: at('flowId'), message: 'a milestone does not belong to a flow; remove flowId (flows are made of flow steps)' });
    const questionIds = new Set<string>();
    item.questions.forEach((q, j) => {
      if (questionIds.has(q.id)) ctx.addIssue({ code: 'custom', path: at('questions', j, 'id'), message: `duplicate question id "${q.id}"` });
      questionIds.add(q.id);
    });
  });
  file.items.forEach((item, i) =>
    item.dependsOn.forEach((dep, d) => {
      if (!itemIds.has(dep)) ctx.addIssue({ code: 'custom', path: ['items', i, 'dependsOn', d], message: `unknown item "${dep}"` });
    }),
  );
});

export type MunicipalityFile = z.infer<typeof municipalityFileSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type AnsweredQuestion = z.infer<typeof answeredQuestionSchema>;
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
/** The shape without cross-checks, for JSON Schema generation. */
export const municipalityFileShapeSchema = municipalityFileShape;
