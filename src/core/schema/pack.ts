import { z } from 'zod';
import { nonEmptyText, semverSchema, slugSchema } from './common';
import { evaluationDefinitionSchema } from '../evaluation/definition';

export const sourceSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(300),
  publisher: nonEmptyText(200),
  year: z.number().int().min(1900).max(2100).optional(),
  note: z.string().max(1000).optional(),
  /** The note in English (the title stays as the publication is called). */
  en: z.strictObject({ note: nonEmptyText(1000) }).optional(),
});

/** Marks content a pack adds itself rather than taking from its sources, so readers can tell them apart. */
const oursSchema = z.boolean().optional();

/**
 * English for a name a reader sees, used when the app or the plan is in English (docs/packs.md).
 * Optional everywhere, so a pack written only in Danish stays valid and simply shows its Danish.
 */
export const englishTitleSchema = z.strictObject({
  title: nonEmptyText(300),
  description: z.string().max(4000).optional(),
});
export type EnglishTitle = z.infer<typeof englishTitleSchema>;

export const focusAreaSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(120),
  description: z.string().max(2000).default(''),
  ours: oursSchema,
  en: englishTitleSchema.optional(),
});

export const driverSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(120),
  description: z.string().max(2000).default(''),
  en: englishTitleSchema.optional(),
});

export const phaseSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(120),
  description: z.string().max(2000).default(''),
  focusAreas: z.array(focusAreaSchema).default([]),
  ours: oursSchema,
  en: englishTitleSchema.optional(),
});

export const maturityBandSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(120),
  /** Lowest overall percentage (0–100) that reaches this band. */
  min: z.number().min(0).max(100),
  description: z.string().max(1000).default(''),
  en: englishTitleSchema.optional(),
});

export const flowStepSchema = z.strictObject({
  id: slugSchema,
  kind: z.enum(['decision', 'task']),
  title: nonEmptyText(300),
  description: z.string().max(2000).default(''),
  phase: slugSchema.optional(),
  dependsOn: z.array(slugSchema).default([]),
  en: englishTitleSchema.optional(),
});

export const flowSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(200),
  description: z.string().max(4000).default(''),
  source: slugSchema.optional(),
  steps: z.array(flowStepSchema).min(1, 'a flow needs at least one step'),
  en: englishTitleSchema.optional(),
});

/** One point of a reference list (a cornerstone, a step, a theme), with its English where the pack gives it. */
export const referenceItemSchema = z.strictObject({
  id: slugSchema.optional(),
  title: nonEmptyText(300),
  text: z.string().max(4000).default(''),
  en: z.strictObject({ title: nonEmptyText(300), text: z.string().max(4000).optional() }).optional(),
});
export type ReferenceItem = z.infer<typeof referenceItemSchema>;

export const referenceSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(200),
  description: z.string().max(4000).default(''),
  source: slugSchema.optional(),
  /** The method's fidelity checklist (e.g. the five cornerstones), gone through per period; its items need ids. */
  fidelity: z.boolean().optional(),
  items: z.array(referenceItemSchema).min(1),
  en: englishTitleSchema.optional(),
});
export type Reference = z.infer<typeof referenceSchema>;

/** "Hvordan kan det ses?": something a team can observe in daily practice when a principle is lived. */
export const observableSignSchema = z.strictObject({
  id: slugSchema,
  text: nonEmptyText(1000),
  ours: oursSchema,
  en: z.strictObject({ text: nonEmptyText(1000) }).optional(),
});

/** A principle for putting an element into practice, with the signs that show it is. */
export const principleSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(300),
  description: z.string().max(4000).default(''),
  ours: oursSchema,
  signs: z.array(observableSignSchema).min(1, 'a principle needs at least one observable sign ("Hvordan kan det ses?")'),
  en: englishTitleSchema.optional(),
});
export type Principle = z.infer<typeof principleSchema>;

/**
 * The English of a tool: what it is for, and a name only where the source's name needs one (most
 * tools are known by their own name, e.g. FIT or Marte Meo, which then stays).
 */
export const toolEnglishSchema = z.strictObject({
  name: nonEmptyText(120).optional(),
  purpose: z.string().max(1000).optional(),
});

/** A measurement or method tool the source names (a reference only: Milepæl holds no scores). */
export const toolSchema = z.strictObject({
  name: nonEmptyText(120),
  purpose: z.string().max(1000).default(''),
  en: toolEnglishSchema.optional(),
});
export type Tool = z.infer<typeof toolSchema>;

/** What a municipality counts month by month, e.g. family group conferences by case type (counts only). */
export const tallySchema = z.strictObject({
  title: nonEmptyText(200),
  description: z.string().max(2000).default(''),
  caseTypes: z.array(z.strictObject({ id: slugSchema, title: nonEmptyText(120), en: z.strictObject({ title: nonEmptyText(120) }).optional() })).min(1),
  en: englishTitleSchema.optional(),
});
export type TallyDefinition = z.infer<typeof tallySchema>;

/**
 * A role the method asks the municipality to fill (projektleder, tovholder, …). The plan's role
 * table lists these first and marks the ones nobody holds yet; the Styring tab can copy them into
 * the municipality's own roles list, where the holder is written.
 */
export const packRoleSchema = z.strictObject({
  id: slugSchema,
  /** Matched case-insensitively against the role names the municipality writes, so keep the source's name. */
  name: nonEmptyText(120),
  /** One or two sentences: what the role does in the implementation. */
  task: nonEmptyText(500),
  ours: oursSchema,
  en: z.strictObject({ name: nonEmptyText(120), task: nonEmptyText(500).optional() }).optional(),
});
export type PackRole = z.infer<typeof packRoleSchema>;

export const packManifestSchema = z.strictObject({
  id: slugSchema,
  version: semverSchema,
  title: nonEmptyText(200),
  description: z.string().max(4000).default(''),
  language: z.enum(['da', 'en']),
  /** The method's name (and description and audience) in English; a Danish method name may stay, explained in brackets. */
  en: z.strictObject({ title: nonEmptyText(200), description: z.string().max(4000).optional(), audience: z.string().max(4000).optional() }).optional(),
  /** For whom the method is meant, shown on the "Metoden" page. */
  audience: z.string().max(4000).optional(),
  sources: z.array(sourceSchema).min(1, 'cite at least one source'),
  drivers: z.array(driverSchema).min(1, 'a pack needs at least one driver'),
  phases: z.array(phaseSchema).min(1, 'a pack needs at least one phase'),
  maturityBands: z.array(maturityBandSchema).min(1, 'a pack needs at least one maturity band'),
  flows: z.array(flowSchema).default([]),
  references: z.array(referenceSchema).default([]),
  /** The roles the method names (optional, so packs written before roles stay valid). */
  roles: z.array(packRoleSchema).default([]),
  tally: tallySchema.optional(),
});

export const guidingQuestionSchema = z.strictObject({
  id: slugSchema,
  text: nonEmptyText(1000),
  en: z.strictObject({ text: nonEmptyText(1000) }).optional(),
});

/**
 * A milestone's title in English, its short form for narrow columns, its intro (the file's
 * Markdown body) in English, written in the front matter as a YAML block scalar (docs/packs.md), and
 * its resource notes in English. A municipality file keeps the same block on each pack item (a flow
 * step's intro is its description).
 */
export const milestoneEnglishSchema = z.strictObject({
  title: nonEmptyText(300),
  shortTitle: nonEmptyText(40).optional(),
  intro: nonEmptyText(20000).optional(),
  /** The resource notes in English, one for each Danish note and in the same order (pack check counts them). */
  resourceNotes: z.array(nonEmptyText(2000)).max(50).optional(),
});

/** The YAML front matter of one milestone file. */
export const milestoneFrontMatterSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(300),
  /** A few words for narrow places such as the portfolio's column headings; the title when absent. */
  shortTitle: nonEmptyText(40).optional(),
  en: milestoneEnglishSchema.optional(),
  driver: slugSchema,
  phase: slugSchema,
  focusAreas: z.array(slugSchema).default([]),
  weight: z.number().positive().max(100).default(1),
  questions: z.array(guidingQuestionSchema).min(1, 'a milestone needs at least one guiding question'),
  principles: z.array(principleSchema).default([]),
  /** What the element costs or takes, e.g. hours, training, compensation. */
  resourceNotes: z.array(nonEmptyText(2000)).default([]),
  tools: z.array(toolSchema).default([]),
});

export const packMilestoneSchema = milestoneFrontMatterSchema.extend({
  /** Markdown body of the milestone file. */
  intro: z.string().max(20000),
  /** Where the milestone came from, for error messages and editors. */
  file: z.string(),
});

/** A whole, validated pack as it travels between backend and UI. */
export const packSchema = packManifestSchema.extend({
  milestones: z.array(packMilestoneSchema).min(1),
  /** From the pack folder's evaluation.yml (issue 12); absent when the pack has none. */
  evaluation: evaluationDefinitionSchema.optional(),
});

export type PackManifest = z.infer<typeof packManifestSchema>;
export type PackMilestone = z.infer<typeof packMilestoneSchema>;
export type Pack = z.infer<typeof packSchema>;
export type Driver = z.infer<typeof driverSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type MaturityBand = z.infer<typeof maturityBandSchema>;
export type Flow = z.infer<typeof flowSchema>;
export type FlowStep = z.infer<typeof flowStepSchema>;

/** Summary shown by `milepael packs` and on the start screen. */
export const packSummarySchema = z.strictObject({
  id: slugSchema,
  version: semverSchema,
  title: z.string(),
  drivers: z.number().int(),
  phases: z.number().int(),
  milestones: z.number().int(),
  questions: z.number().int(),
  flowSteps: z.number().int(),
  principles: z.number().int().default(0),
});
export type PackSummary = z.infer<typeof packSummarySchema>;

export function summarizePack(pack: Pack): PackSummary {
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    drivers: pack.drivers.length,
    phases: pack.phases.length,
    milestones: pack.milestones.length,
    questions: pack.milestones.reduce((n, m) => n + m.questions.length, 0),
    flowSteps: pack.flows.reduce((n, f) => n + f.steps.length, 0),
    principles: pack.milestones.reduce((n, m) => n + m.principles.length, 0),
  };
}
