import { requirementLine } from '../evaluation/plan-section';
import type { MunicipalityFile } from '../schema/municipality';
import { maturityBandFor, type ScoreReport } from '../scoring/score';
import { implementationStage } from '../scoring/stage';

const PAGE_ONE_NEEDS = 2;

/** Where the municipality stands and what lifts it to the next step. */
export interface PlanStage {
  title: string;
  description: string;
  /** The next step up; null at the top. */
  next: { title: string; min: number; missingPoints: number } | null;
  /**
   * With implementation stages: what the next stage still needs, one line each (then min/missingPoints
   * are unused). For page 1, so a line names at most PAGE_ONE_NEEDS milestones; the evaluation section names them all.
   */
  needs?: string[];
  /** The milestone titles those lines name, so page 1 does not name them twice. */
  named?: string[];
}

/**
 * The one place the plan asks "which stage?": the implementation stage (NIRN, from the pack's
 * evaluation.yml) where the pack defines stages, otherwise the pack's maturity bands.
 */
export function planStage(file: MunicipalityFile, report: ScoreReport, today: string, language: 'da' | 'en'): PlanStage | null {
  const staged = implementationStage(file, today);
  if (staged) {
    // The English plan names the stage in English where the pack gives it (the screen already does).
    const named = (stage: { title: string; titleEn?: string | undefined }) => (language === 'en' && stage.titleEn ? stage.titleEn : stage.title);
    return {
      title: named(staged.current),
      description: staged.current.description,
      next: staged.next ? { title: named(staged.next), min: 0, missingPoints: 0 } : null,
      needs: staged.missingForNext.map((check) => requirementLine(check, language, PAGE_ONE_NEEDS)),
      named: staged.missingForNext.flatMap((check) => (check.kind === 'inPlace' ? check.missing.slice(0, PAGE_ONE_NEEDS) : [])),
    };
  }
  const bands = [...file.framework.maturityBands].sort((a, b) => a.min - b.min);
  const current = maturityBandFor(report.overall.percent, bands);
  if (current === null) return null;
  const next = bands.find((b) => b.min > current.min) ?? null;
  const percent = Math.round(report.overall.percent ?? 0);
  return {
    title: current.title,
    description: current.description,
    next: next ? { title: next.title, min: next.min, missingPoints: Math.max(0, Math.ceil(next.min) - percent) } : null,
  };
}
