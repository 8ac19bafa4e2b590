import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, nonEmptyText, semverSchema, slugSchema, statusSchema } from './common';
import { driverSchema, maturityBandSchema, phaseSchema, sourceSchema } from './pack';

/** The version this build writes. Files with a higher number were written by a newer Milepæl. */
export const CURRENT_SCHEMA_VERSION = 1;

const itemIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"').max(120);

export const answeredQuestionSchema = z.strictObject({
  id: itemIdSchema,
  origin: z.enum(['pack', 'custom']),
  text: nonEmptyText(1000),
  answer: z.string().max(20000).default(''),
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
  owner: z.string().max(200).default(''),
  dueDate: isoDateSchema.optional(),
  notes: z.string().max(50000).default(''),
  questions: z.array(answeredQuestionSchema).default([]),
  evidence: z.array(evidenceLinkSchema).default([]),
});

export const frameworkFlowSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(200),
  description: z.string().max(4000).default(''),
});

/** The pack's structure, copied in so a file can be scored and read without the pack. */
export const frameworkSchema = z.strictObject({
  drivers: z.array(driverSchema).min(1),
  phases: z.array(phaseSchema).min(1),
  maturityBands: z.array(maturityBandSchema).min(1),
  flows: z.array(frameworkFlowSchema).default([]),
  /** The pack's sources, cited in the plan's appendix. */
  sources: z.array(sourceSchema).default([]),
});

const municipalityFileShape = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: itemIdSchema,
  name: nonEmptyText(200),
  pack: z.strictObject({ id: slugSchema, version: semverSchema, title: nonEmptyText(200) }),
  framework: frameworkSchema,
  items: z.array(checklistItemSchema).max(5000),
  /** Pack items the municipality removed, so a pack update does not bring them back. */
  removedPackItemIds: z.array(itemIdSchema).default([]),
  /** Sample data made by Milepæl, shown with an "Eksempel" mark so nobody mistakes it for real. */
  isExample: z.boolean().default(false),
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
