import { z } from 'zod';
import { checklistEditSchema } from '../core/checklist/edits';
import { COMPARED_FIELDS } from '../core/checklist/compare';
import { municipalitySummarySchema } from '../core/checklist/summary';
import { nonEmptyText, slugSchema } from '../core/schema/common';
import { municipalityFileSchema } from '../core/schema/municipality';
import { packSchema, packSummarySchema } from '../core/schema/pack';
import { PLAN_FORMATS, planOptionsSchema } from '../core/plan/options';
import { portfolioSchema } from '../core/portfolio';
import { conflictChoicesSchema, packUpdateSchema } from '../core/pack-update';
import type { Method } from './methods';
import { MAX_IMPORT_CHARS, MAX_MUNICIPALITY_NAME } from './limits';
import { evaluationContract } from './evaluation-contract';
import { liveContract } from './live-contract';
import { presenceContract } from './presence-contract';
import { sharingContract } from './sharing-contract';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a municipality id').max(120);
const revision = z.number().int().nonnegative();
const empty = z.object({}).strict();
const done = z.object({ done: z.literal(true) });

export const problemSchema = z.object({ file: z.string().optional(), field: z.string(), message: z.string() });

export const recoverySchema = z.object({
  quarantinedAs: z.string(),
  restoredFrom: z.string().nullable(),
  problems: z.array(problemSchema),
});

const fieldChangeSchema = z.object({ field: z.enum(COMPARED_FIELDS), from: z.string(), to: z.string() });
const importCheckSchema = z.object({
  id: z.string(),
  name: z.string(),
  existing: z
    .object({
      name: z.string(),
      updatedAt: z.string(),
      revision,
      difference: z.object({
        name: z.object({ from: z.string(), to: z.string() }).nullable(),
        items: z.array(z.object({ itemId: z.string(), title: z.string(), kind: z.enum(['changed', 'added', 'removed']), changes: z.array(fieldChangeSchema) })),
        rounds: z.object({ from: z.number(), to: z.number() }),
        conferences: z.boolean(),
        newer: z.enum(['current', 'incoming', 'same']),
        identical: z.boolean(),
      }),
    })
    .nullable(),
});

export { MAX_IMPORT_CHARS };

/** A new or renamed municipality's name: short enough for a one-line title (MAX_MUNICIPALITY_NAME). */
const municipalityName = z.string().trim().min(1, 'must not be empty').max(MAX_MUNICIPALITY_NAME);

/** Every call: the schema of its input and of its output. Both transports use this one table. */
export const contract = {
  'app.info': {
    input: empty,
    output: z.object({ edition: z.enum(['desktop', 'browser']), version: z.string(), workspace: z.string() }),
  },
  'packs.list': { input: empty, output: z.array(packSummarySchema) },
  'packs.get': { input: z.object({ id: slugSchema }).strict(), output: packSchema },
  'municipality.list': { input: empty, output: z.array(municipalitySummarySchema) },
  /** Files in the workspace written by a newer Milepæl: shown on the start screen as unavailable, left untouched. */
  'municipality.unavailable': { input: empty, output: z.array(z.object({ id: z.string(), message: z.string() })) },
  'municipality.create': {
    input: z.object({ name: municipalityName, packId: slugSchema }).strict(),
    output: municipalityFileSchema,
  },
  'municipality.createSample': { input: empty, output: municipalityFileSchema },
  'municipality.open': {
    input: z.object({ id }).strict(),
    output: z.object({ file: municipalityFileSchema, recovery: recoverySchema.nullable() }),
  },
  'municipality.applyEdits': {
    input: z.object({ id, baseRevision: revision, edits: z.array(checklistEditSchema).min(1).max(500) }).strict(),
    output: municipalityFileSchema,
  },
  'municipality.save': {
    input: z.object({ file: municipalityFileSchema, baseRevision: revision }).strict(),
    output: municipalityFileSchema,
  },
  'municipality.rename': {
    input: z.object({ id, name: municipalityName, baseRevision: revision }).strict(),
    output: municipalityFileSchema,
  },
  'municipality.duplicate': {
    input: z.object({ id, name: municipalityName }).strict(),
    output: municipalityFileSchema,
  },
  'municipality.delete': { input: z.object({ id }).strict(), output: done },
  'municipality.restore': { input: z.object({ id }).strict(), output: done },
  'municipality.trash': {
    input: empty,
    output: z.array(z.object({ id: z.string(), name: z.string(), deletedAt: z.string() })),
  },
  'municipality.import': {
    input: z
      .object({
        fileName: nonEmptyText(500),
        text: z.string().max(MAX_IMPORT_CHARS, 'the file is larger than 20 MB'),
        /** When the id is already in the workspace: import as a second municipality, or update the one there. */
        onExisting: z.enum(['copy', 'replace']).default('copy'),
      })
      .strict(),
    output: municipalityFileSchema,
  },
  'municipality.importCheck': {
    input: z.object({ fileName: nonEmptyText(500), text: z.string().max(MAX_IMPORT_CHARS, 'the file is larger than 20 MB') }).strict(),
    output: importCheckSchema,
  },
  'municipality.export': {
    input: z.object({ id }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() }),
  },
  'municipality.packUpdate': {
    input: z.object({ id }).strict(),
    /** The changes a newer version of the municipality's pack would bring, or null when it is up to date. */
    output: packUpdateSchema.nullable(),
  },
  'municipality.applyPackUpdate': {
    input: z.object({ id, baseRevision: revision, choices: conflictChoicesSchema }).strict(),
    output: municipalityFileSchema,
  },
  'plan.preview': {
    input: z.object({ id, options: planOptionsSchema.default(planOptionsSchema.parse({})) }).strict(),
    output: z.object({ html: z.string() }),
  },
  'plan.export': {
    input: z.object({ id, format: z.enum(PLAN_FORMATS), options: planOptionsSchema.default(planOptionsSchema.parse({})) }).strict(),
    /** Binary formats travel as base64 so both transports carry plain JSON. */
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
  'portfolio.get': {
    /** Without a pack: the first one, which the portfolio screen opens with, so a cold page can ask at once. */
    input: z.object({ packId: slugSchema.optional(), anonymise: z.boolean().default(false) }).strict(),
    output: portfolioSchema,
  },
  'portfolio.export': {
    input: z.object({ packId: slugSchema, anonymise: z.boolean().default(false), language: z.enum(['da', 'en']).default('da') }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
  ...evaluationContract,
  ...liveContract,
  ...presenceContract,
  ...sharingContract,
} as const satisfies Record<Method, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;
/** What a handler receives: the input after parsing (defaults filled in). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;

/**
 * `newer_version`: the file was written by a newer Milepæl; it is left untouched and the user is asked to update.
 * `no_access`: the browser edition's access token is missing or from an earlier run.
 * `read_only`: a change sent through the team server's read-only page (viewers).
 */
export const API_ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'invalid_file', 'newer_version', 'storage', 'unavailable', 'no_access', 'unknown_method', 'internal', 'read_only'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  issues: z.array(problemSchema).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const apiResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);
export type ApiResponse = z.infer<typeof apiResponseSchema>;
