import { z } from 'zod';

export const PLAN_SECTIONS = [
  'steering',
  'documentControl',
  'statusTable',
  'summary',
  'delta',
  'actions',
  'timeline',
  'governance',
  'milestones',
  'phases',
  'flow',
  'openQuestions',
  'changes',
  'sources',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export const planOptionsSchema = z.strictObject({
  language: z.enum(['da', 'en']).default('da'),
  includeNotes: z.boolean().default(true),
  includeAnswers: z.boolean().default(true),
  includeNotRelevant: z.boolean().default(false),
  sections: z.array(z.enum(PLAN_SECTIONS)).min(1, 'choose at least one section').default([...PLAN_SECTIONS]),
  author: z.string().trim().max(200).default(''),
  version: z.string().trim().max(50).default('1.0'),
});
export type PlanOptions = z.infer<typeof planOptionsSchema>;
export type PlanOptionsInput = z.input<typeof planOptionsSchema>;

export const PLAN_FORMATS = ['md', 'html', 'docx', 'pdf', 'xlsx'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];
