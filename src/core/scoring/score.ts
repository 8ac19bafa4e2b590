import type { Status } from '../schema/common';
import type { MaturityBand } from '../schema/pack';
import type { ChecklistItem, MunicipalityFile } from '../schema/municipality';
import { withEvaluationEvidence } from '../evaluation/phase';

/** Points per status (the reference convention); not_relevant is left out of the denominator. */
export const STATUS_POINTS: Readonly<Record<Exclude<Status, 'not_relevant'>, number>> = {
  not_started: 0,
  in_progress: 1,
  in_place: 2,
};
const MAX_POINTS = 2;

export interface GroupScore {
  id: string;
  title: string;
  /** Weighted points earned and possible; possible is 0 when nothing in the group is scored. */
  earned: number;
  possible: number;
  /** 0–100, unrounded; null when the group has no scored items. */
  percent: number | null;
  counts: Record<Status, number>;
}

export interface ScoreReport {
  overall: GroupScore;
  band: MaturityBand | null;
  drivers: GroupScore[];
  phases: GroupScore[];
  flows: GroupScore[];
}

function emptyCounts(): Record<Status, number> {
  return { not_started: 0, in_progress: 0, in_place: 0, not_relevant: 0 };
}

export function scoreItems(id: string, title: string, items: readonly ChecklistItem[]): GroupScore {
  let earned = 0;
  let possible = 0;
  const counts = emptyCounts();
  for (const item of items) {
    counts[item.status]++;
    if (item.status === 'not_relevant') continue;
    earned += STATUS_POINTS[item.status] * item.weight;
    possible += MAX_POINTS * item.weight;
  }
  // Clamp guards against floating-point drift with fractional weights (e.g. 100.00000000000001).
  // earned × 100 ÷ possible is one division: the nearest number to the exact fraction, so rounding it later is right.
  const percent = possible === 0 ? null : earned === possible ? 100 : Math.min(100, Math.max(0, (earned * 100) / possible));
  return { id, title, earned, possible, percent, counts };
}

/**
 * A percentage rounded half-up, as the exact fraction would be: 18.75 → 18.8. `percent * 10` alone
 * can land just below the half (28.749999…); twelve significant digits remove that noise.
 */
export function roundPercent(percent: number | null, decimals = 1): number | null {
  if (percent === null) return null;
  const scale = 10 ** decimals;
  return Math.round(Number((percent * scale).toPrecision(12))) / scale;
}

/** The highest band whose minimum the percentage reaches. */
export function maturityBandFor(percent: number | null, bands: readonly MaturityBand[]): MaturityBand | null {
  if (percent === null) return null;
  let found: MaturityBand | null = null;
  for (const band of bands) if (percent >= band.min && (found === null || band.min >= found.min)) found = band;
  return found;
}

/** Scores per driver, per wheel phase, per flow, and overall over the milestones only (flows have their own figure). */
export function scoreMunicipality(file: MunicipalityFile): ScoreReport {
  const { items, framework } = file;
  const overall = scoreItems('overall', file.name, items.filter((i) => i.kind === 'milestone'));
  return {
    overall,
    band: maturityBandFor(overall.percent, framework.maturityBands),
    drivers: framework.drivers.map((d) => scoreItems(d.id, d.title, items.filter((i) => i.kind === 'milestone' && i.driverId === d.id))),
    // The evaluation phase also counts whether results are collected (issue 12, src/core/evaluation/phase.ts).
    phases: withEvaluationEvidence(file, framework.phases.map((p) => scoreItems(p.id, p.title, items.filter((i) => i.phaseId === p.id)))),
    flows: framework.flows.map((f) => scoreItems(f.id, f.title, items.filter((i) => i.kind === 'flow_step' && i.flowId === f.id))),
  };
}
