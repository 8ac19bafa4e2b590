import { z } from 'zod';
import { nonEmptyText, slugSchema } from './common';
import { englishTitleSchema, toolEnglishSchema } from './pack';

/**
 * What a municipality file keeps of a pack's principles: the texts (so the file reads without its
 * pack) and, per observable sign, whether the team sees it in practice and a short comment. The
 * comment is about practice, never about a family: the UI says so where it is written. The pack's
 * English for a principle, a sign and a tool travels with them (`en`, schema 6), so a file reads in
 * English without its pack; the team's comment is its own and has none.
 */
export const itemSignSchema = z.strictObject({
  id: slugSchema,
  text: nonEmptyText(1000),
  ours: z.boolean().optional(),
  seen: z.boolean().default(false),
  comment: z.string().max(2000).default(''),
  en: z.strictObject({ text: nonEmptyText(1000) }).optional(),
});

export const itemPrincipleSchema = z.strictObject({
  id: slugSchema,
  title: nonEmptyText(300),
  description: z.string().max(4000).default(''),
  ours: z.boolean().optional(),
  signs: z.array(itemSignSchema).min(1).max(50),
  en: englishTitleSchema.optional(),
});
export type ItemPrinciple = z.infer<typeof itemPrincipleSchema>;
export type ItemSign = z.infer<typeof itemSignSchema>;

export const itemToolSchema = z.strictObject({ name: nonEmptyText(120), purpose: z.string().max(1000).default(''), en: toolEnglishSchema.optional() });

/**
 * One period of the fidelity checklist: how many conferences the team looked back on and, for each
 * point of the checklist (e.g. a cornerstone), in how many of them it was met. Counts only.
 */
export const fidelityRoundSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"').max(120),
    period: nonEmptyText(60),
    reviewed: z.number().int().min(0).max(100000),
    met: z.array(z.strictObject({ pointId: slugSchema, count: z.number().int().min(0).max(100000) })).max(50),
  })
  .superRefine((round, ctx) => {
    round.met.forEach((m, i) => {
      if (m.count > round.reviewed) ctx.addIssue({ code: 'custom', path: ['met', i, 'count'], message: `cannot be more than the ${round.reviewed} conferences looked at` });
    });
  });
export type FidelityRound = z.infer<typeof fidelityRoundSchema>;

export const fidelitySchema = z.strictObject({
  rounds: z.array(fidelityRoundSchema).max(500),
});
export type Fidelity = z.infer<typeof fidelitySchema>;
