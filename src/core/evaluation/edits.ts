import { compareIso } from '../dates';
import { z } from 'zod';
import type { MunicipalityFile } from '../schema/municipality';
import { emptyEvaluationData, evaluationMonthSchema, targetMetricSchema } from './data';

/** Manual entry of a month's figures and the municipality's own targets, as checklist edits (undo works). */
export const setEvaluationMonthEditSchema = z.strictObject({ type: z.literal('setEvaluationMonth'), figures: evaluationMonthSchema });
export const setEvaluationTargetEditSchema = z.strictObject({ type: z.literal('setEvaluationTarget'), metric: targetMetricSchema, percent: z.number().min(0).max(100).nullable() });
export type EvaluationEdit = z.infer<typeof setEvaluationMonthEditSchema> | z.infer<typeof setEvaluationTargetEditSchema>;

export function applyEvaluationEdit(file: MunicipalityFile, edit: EvaluationEdit): MunicipalityFile {
  const data = file.evaluation ?? emptyEvaluationData();
  if (edit.type === 'setEvaluationTarget') {
    const others = data.targets.filter((t) => t.metric !== edit.metric);
    // Kept in order of metric, so every copy of a shared municipality lists them alike.
    const targets = (edit.percent === null ? others : [...others, { metric: edit.metric, percent: edit.percent }]).sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
    return { ...file, evaluation: { ...data, targets } };
  }
  const months = [...data.months.filter((m) => m.month !== edit.figures.month), edit.figures].sort((a, b) => compareIso(a.month, b.month));
  return { ...file, evaluation: { ...data, months } };
}
