import type { MunicipalityFile } from '../schema/municipality';
import { maturityBandFor, type ScoreReport } from '../scoring/score';

/** Where the municipality stands and what lifts it to the next step. */
export interface PlanStage {
  title: string;
  description: string;
  /** The next step up; null at the top. */
  next: { title: string; min: number; missingPoints: number } | null;
}

/**
 * The one place the plan asks "which stage?". Today it uses the pack's maturity bands; when the
 * maturity stages (src/core/scoring/stage*.ts) land, switch this function and nothing else.
 */
export function planStage(file: MunicipalityFile, report: ScoreReport): PlanStage | null {
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
