import { z } from 'zod';
import type { MunicipalityFile } from '../schema/municipality';
import { implementationStage } from '../scoring/stage';
import { evaluationResults, shiftMonth } from './results';

const percent = z.number().min(0).max(100).nullable();

/** What the portfolio shows per municipality about evaluation (issue 12): the last twelve months. */
export const portfolioEvaluationSchema = z.object({
  stage: z.string().nullable(),
  /** The stage's English name; required, so portfolio rows cached before it are worked out again. */
  stageEn: z.string().nullable(),
  planRate: percent,
  satisfaction: percent,
  followUpRate: percent,
  forms: z.number().int(),
});
export type PortfolioEvaluation = z.infer<typeof portfolioEvaluationSchema>;

export function portfolioEvaluation(file: MunicipalityFile, today: string): PortfolioEvaluation | null {
  const definition = file.framework.evaluation;
  if (!definition) return null;
  const to = today.slice(0, 7);
  const results = evaluationResults(file, shiftMonth(to, -11), to);
  const item = results.items.find((i) => i.id === definition.satisfactionItem) ?? results.items[0];
  const stage = implementationStage(file, today)?.current;
  return {
    stage: stage?.title ?? null,
    stageEn: stage?.titleEn ?? null,
    planRate: results.register.find((r) => r.metric === 'plan_rate')?.percent ?? null,
    satisfaction: item?.all.positive ?? null,
    followUpRate: results.register.find((r) => r.metric === 'follow_up_rate')?.percent ?? null,
    forms: results.forms,
  };
}
