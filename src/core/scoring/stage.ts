import type { ChecklistItem, MunicipalityFile } from '../schema/municipality';
import type { Stage, StageRequirements } from '../evaluation/definition';
import { monthsWithResults } from '../evaluation/results';

/**
 * The municipality's implementation stage (NIRN: exploration, installation, initial and full
 * implementation; Fixsen et al. 2005), from the rules in the pack's evaluation.yml. A stage is
 * reached when its rules and those of every earlier stage are met. Only "in place" counts, so
 * marking something "in progress" never moves a municipality on.
 */

export interface RequirementCheck {
  kind: 'inPlace' | 'conferencesHeld' | 'targetShare' | 'evaluationMonths';
  met: boolean;
  /** For inPlace: the items (titles) that are not in place yet. */
  missing: string[];
  /** What was found and what is needed, for the explanation. */
  have: number | null;
  need: number | null;
}

export interface StageReport {
  stages: Stage[];
  /** Index into stages of the stage reached (0 when nothing more is met). */
  index: number;
  current: Stage;
  next: Stage | null;
  /** What the next stage still needs (only the unmet checks, earlier stages' included). */
  missingForNext: RequirementCheck[];
  facts: StageFacts;
  source: string | null;
}

export interface StageFacts {
  conferencesHeld: number;
  conferencesLast12Months: number;
  yearTarget: number | null;
  evaluationMonths: number;
}

/** Conferences per month: the tally and the evaluation register may both count them, so the larger is taken, never the sum. */
export function conferencesByMonth(file: MunicipalityFile): Map<string, number> {
  const tally = new Map<string, number>();
  for (const c of file.conferences.counts) tally.set(c.month, (tally.get(c.month) ?? 0) + c.count);
  const out = new Map(tally);
  for (const m of file.evaluation?.months ?? []) out.set(m.month, Math.max(tally.get(m.month) ?? 0, m.firstConferences + m.followUpConferences));
  return out;
}

function monthsBack(today: string, n: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - n;
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function stageFacts(file: MunicipalityFile, today: string): StageFacts {
  const byMonth = conferencesByMonth(file);
  const first = monthsBack(today, 11);
  const last = today.slice(0, 7);
  let held = 0;
  let recent = 0;
  for (const [month, n] of byMonth) {
    if (month > last) continue;
    held += n;
    if (month >= first) recent += n;
  }
  const year = Number(today.slice(0, 4));
  return { conferencesHeld: held, conferencesLast12Months: recent, yearTarget: file.conferences.targets.find((t) => t.year === year)?.count ?? null, evaluationMonths: monthsWithResults(file) };
}

function itemsRequired(file: MunicipalityFile, req: StageRequirements): ChecklistItem[] {
  const { drivers, phases, milestones } = req.inPlace;
  return file.items.filter(
    (i) => i.kind === 'milestone' && ((i.driverId !== undefined && drivers.includes(i.driverId)) || (i.phaseId !== undefined && phases.includes(i.phaseId)) || milestones.includes(i.id)),
  );
}

export function checkRequirements(file: MunicipalityFile, req: StageRequirements, facts: StageFacts): RequirementCheck[] {
  const checks: RequirementCheck[] = [];
  const required = itemsRequired(file, req).filter((i) => i.status !== 'not_relevant');
  // A milestone named by id but removed from the file cannot be in place.
  const removed = req.inPlace.milestones.filter((id) => !file.items.some((i) => i.id === id));
  if (required.length > 0 || removed.length > 0) {
    const missing = [...required.filter((i) => i.status !== 'in_place').map((i) => i.title), ...removed];
    checks.push({ kind: 'inPlace', met: missing.length === 0, missing, have: required.length - missing.length + removed.length, need: required.length + removed.length });
  }
  if (req.conferencesHeld !== undefined) {
    checks.push({ kind: 'conferencesHeld', met: facts.conferencesHeld >= req.conferencesHeld, missing: [], have: facts.conferencesHeld, need: req.conferencesHeld });
  }
  if (req.targetShare !== undefined) {
    // Without a target for the year there is nothing to hold the count against, so the rule is not met.
    const need = facts.yearTarget === null ? null : Math.ceil((facts.yearTarget * req.targetShare) / 100);
    checks.push({ kind: 'targetShare', met: need !== null && facts.conferencesLast12Months >= need, missing: [], have: facts.conferencesLast12Months, need });
  }
  if (req.evaluationMonths !== undefined) {
    checks.push({ kind: 'evaluationMonths', met: facts.evaluationMonths >= req.evaluationMonths, missing: [], have: facts.evaluationMonths, need: req.evaluationMonths });
  }
  return checks;
}

/** Null when the file's pack defines no stages (then the pack's maturity bands are shown as before). */
export function implementationStage(file: MunicipalityFile, today: string): StageReport | null {
  const definition = file.framework.evaluation;
  const stages = definition?.stages ?? [];
  if (stages.length === 0) return null;
  const facts = stageFacts(file, today);
  let index = 0;
  for (let i = 1; i < stages.length; i++) {
    if (!checkRequirements(file, stages[i]!.requires, facts).every((c) => c.met)) break;
    index = i;
  }
  const next = stages[index + 1] ?? null;
  const missingForNext = next ? checkRequirements(file, next.requires, facts).filter((c) => !c.met) : [];
  const source = definition?.sources.find((s) => s.id === definition.stagesSource);
  return { stages, index, current: stages[index]!, next, missingForNext, facts, source: source ? `${source.publisher} (${source.year ?? ''}): ${source.title}`.replace(' ()', '') : null };
}
