import type { MunicipalityFile } from '../schema/municipality';
import { monthsWithResults } from './results';

/**
 * The wheel's evaluation phase reflects whether results are actually collected, not only its
 * checklist items: the collected results count as one more item of the phase, worth what a
 * milestone is worth: "in place" after six months with questionnaires, "in progress" with fewer,
 * "not started" with none. Packs without an evaluation phase are left as they are.
 */
export const RESULTS_MONTHS_IN_PLACE = 6;

export function evaluationEvidencePoints(file: MunicipalityFile): { phaseId: string; earned: number; possible: number } | null {
  const phaseId = file.framework.evaluation?.evaluationPhase;
  if (phaseId === undefined) return null;
  const months = monthsWithResults(file);
  return { phaseId, earned: months >= RESULTS_MONTHS_IN_PLACE ? 2 : months > 0 ? 1 : 0, possible: 2 };
}

interface PhaseScoreLike {
  id: string;
  earned: number;
  possible: number;
  percent: number | null;
}

export function withEvaluationEvidence<T extends PhaseScoreLike>(file: MunicipalityFile, phases: T[]): T[] {
  const evidence = evaluationEvidencePoints(file);
  if (evidence === null) return phases;
  return phases.map((phase) => {
    if (phase.id !== evidence.phaseId) return phase;
    const earned = phase.earned + evidence.earned;
    const possible = phase.possible + evidence.possible;
    return { ...phase, earned, possible, percent: Math.min(100, Math.max(0, (earned / possible) * 100)) };
  });
}
