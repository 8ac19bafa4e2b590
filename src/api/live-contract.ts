import { z } from 'zod';
import { checklistEditSchema } from '../core/checklist/edits';
import { isoDateSchema } from '../core/schema/common';
import { municipalityFileSchema } from '../core/schema/municipality';
import { sharingStateSchema } from './sharing-contract';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a municipality id').max(120);
const heads = z.array(z.string().regex(/^[0-9a-f]{64}$/, 'must be a document version')).max(100);
/** The person's name as they entered it once; it goes with every change they make. */
export const authorSchema = z.string().trim().min(1, 'skriv dit navn først (enter your name first)').max(200);

export const fieldConflictSchema = z.object({
  field: z.string(),
  itemId: z.string().optional(),
  questionId: z.string().optional(),
  value: z.unknown(),
  by: z.string(),
  others: z.array(z.object({ value: z.unknown(), by: z.string() })),
});
export type FieldConflictView = z.infer<typeof fieldConflictSchema>;

const liveSchema = z.object({
  file: municipalityFileSchema,
  /** The document version the file is; edits sent with it merge with what others did since. */
  heads,
  conflicts: z.array(fieldConflictSchema),
  recovery: z.object({ quarantinedAs: z.string(), restoredFrom: z.string().nullable(), problems: z.array(z.object({ file: z.string().optional(), field: z.string(), message: z.string() })) }).nullable(),
});
export type LiveView = z.infer<typeof liveSchema>;

export const changedFieldSchema = z.object({
  field: z.string(),
  item: z.string().optional(),
  question: z.string().optional(),
  evidence: z.string().optional(),
  value: z.unknown().optional(),
});

export const logEntrySchema = z.object({ at: z.string(), by: z.string(), what: z.array(changedFieldSchema) });
export type LogEntryView = z.infer<typeof logEntrySchema>;

/** The calls of the shared workspace (issue 10), spread into the contract. */
export const liveContract = {
  'municipality.live': { input: z.object({ id }).strict(), output: liveSchema },
  'municipality.change': {
    input: z
      .object({
        id,
        author: authorSchema,
        baseHeads: heads.default([]),
        edits: z.array(checklistEditSchema).min(1).max(500).optional(),
        /** A whole file (undo, redo): only the fields that differ from `baseHeads` are written. */
        file: municipalityFileSchema.optional(),
        /** Fields whose concurrent values someone looked at: the kept value is written again, which settles them. */
        settle: z.array(z.object({ field: z.string().max(120), itemId: z.string().max(120).optional(), questionId: z.string().max(120).optional() }).strict()).max(50).optional(),
      })
      .strict()
      .refine((input) => !(input.edits !== undefined && input.file !== undefined) && (input.edits !== undefined || input.file !== undefined || input.settle !== undefined), 'send edits, a file or fields to settle'),
    output: liveSchema,
  },
  'municipality.log': {
    input: z.object({ id, by: z.string().max(200).optional(), itemId: z.string().max(120).optional(), from: isoDateSchema.optional(), to: isoDateSchema.optional() }).strict(),
    output: z.array(logEntrySchema),
  },
  'workspace.sharing': {
    input: z.object({}).strict(),
    output: sharingStateSchema,
  },
} as const;
