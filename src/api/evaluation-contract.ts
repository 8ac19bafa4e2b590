import { z } from 'zod';
import { municipalityFileSchema } from '../core/schema/municipality';
import { nonEmptyText } from '../core/schema/common';

/** 20 MB of spreadsheet travels as about 27 million base64 characters. */
const MAX_BASE64 = 28_000_000;

export const importProblemSchema = z.object({ sheet: z.string().optional(), row: z.number().int().nullable(), column: z.string().nullable(), da: z.string(), en: z.string() });

/** Import of a conference register or questionnaire answers (issue 12): counts are kept, rows dropped. */
export const evaluationContract = {
  'evaluation.import': {
    input: z
      .object({
        id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a municipality id').max(120),
        baseRevision: z.number().int().nonnegative(),
        fileName: nonEmptyText(500),
        base64: z.string().max(MAX_BASE64, 'the file is larger than 20 MB'),
      })
      .strict(),
    output: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        file: municipalityFileSchema,
        summary: z.object({ kinds: z.array(z.object({ kind: z.enum(['register', 'answers']), sheet: z.string().nullable(), rows: z.number().int(), months: z.array(z.string()), ignoredColumns: z.array(z.string()) })) }),
      }),
      z.object({ ok: z.literal(false), problems: z.array(importProblemSchema) }),
    ]),
  },
} as const;
