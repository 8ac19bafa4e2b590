import { isOpen, isOverdue } from '../checklist/summary';
import type { Status } from '../schema/common';
import type { ChecklistItem, MunicipalityFile } from '../schema/municipality';
import { scoreMunicipality, type GroupScore } from '../scoring/score';
import type { PlanOptions, PlanSection } from './options';
import { deltaBetween, type Delta } from '../history/delta';
import { snapshotOf, sortedSnapshots } from '../history/snapshot';
import { tallyProgress } from '../history/tally';
import { evaluationSection, type EvaluationSection } from '../evaluation/plan-section';
import type { PlanContext, PlanExtraSection } from './extensions';
import { planStage } from './stage';
import { englishReference, localizeFile } from '../pack/english';
import { buildSteering, roundedChange, type PlanSteering } from './steering-page';

export interface PlanScoreRow {
  id: string;
  title: string;
  percent: number | null;
  counts: Record<Status, number>;
}

export interface PlanMilestone {
  id: string;
  title: string;
  custom: boolean;
  status: Status;
  owner: string;
  dueDate: string | null;
  overdue: boolean;
  decisions: Array<{ question: string; answer: string }>;
  notes: string;
  evidence: Array<{ label: string; target: string }>;
}

export interface PlanPhase {
  id: string;
  title: string;
  description: string;
  percent: number | null;
  counts: Record<Status, number>;
  focusAreas: Array<{ title: string; description: string }>;
  remaining: string[];
}

export interface PlanFlowStep {
  title: string;
  kind: 'decision' | 'task';
  status: Status;
  waitingFor: string[];
}

/** Everything a plan document shows, independent of its format (Markdown, HTML, DOCX, XLSX). */
export interface PlanModel {
  options: PlanOptions;
  sections: ReadonlySet<PlanSection>;
  municipality: string;
  isExample: boolean;
  method: { title: string; version: string };
  date: string;
  overall: { percent: number | null; band: string | null; counts: Record<Status, number> };
  drivers: Array<PlanScoreRow & { milestones: PlanMilestone[] }>;
  phases: PlanPhase[];
  flows: Array<{ title: string; steps: PlanFlowStep[] }>;
  openQuestions: Array<{ milestone: string; questions: string[] }>;
  sources: Array<{ title: string; publisher: string; year?: number | undefined; note?: string | undefined }>;
  /** The latest assessment round compared with today; null before the first round. */
  delta: (Delta & { round: string }) | null;
  /** This year's conference count against its target; null when the pack has no tally or nothing is counted. */
  tally: { title: string; year: number; total: number; target: number | null; percent: number | null } | null;
  /** Every checklist item (for the status sheet), not-relevant ones only when asked for. */
  items: Array<{ item: ChecklistItem; driver: string; phase: string; overdue: boolean }>;
  /** Page 1 and the steering sections: key messages, traffic lights, stage, decisions, logs. */
  steering: PlanSteering;
  /** The method's cornerstones for the introduction; null when the pack has none. */
  cornerstones: { title: string; items: Array<{ title: string; text: string }> } | null;
  /** Optional sections plugged in by others (see extensions.ts). */
  evaluation: PlanExtraSection | null;
  extraSections: PlanExtraSection[];
  appendices: PlanExtraSection[];
  /** Issue 12: stage and evaluation figures with their notes (src/core/evaluation/plan-section.ts); null without an evaluation.yml. */
  evaluationReport: EvaluationSection | null;
}

const row = (g: GroupScore): PlanScoreRow => ({ id: g.id, title: g.title, percent: g.percent, counts: g.counts });

/** Builds the plan from a municipality file; `today` (YYYY-MM-DD) decides what is overdue. */
export function buildPlan(source: MunicipalityFile, options: PlanOptions, today: string, context: PlanContext = {}): PlanModel {
  // An English plan names the method's parts as the pack gives them in English; the municipality's own titles stay.
  const file = localizeFile(source, options.language);
  const report = scoreMunicipality(file);
  const shown = (item: ChecklistItem) => options.includeNotRelevant || item.status !== 'not_relevant';
  const byId = new Map(file.items.map((i) => [i.id, i]));
  const driverTitle = new Map(file.framework.drivers.map((d) => [d.id, d.title]));
  const phaseTitle = new Map(file.framework.phases.map((p) => [p.id, p.title]));

  const milestone = (item: ChecklistItem): PlanMilestone => ({
    id: item.id,
    title: item.title,
    custom: item.origin === 'custom',
    status: item.status,
    owner: item.owner,
    dueDate: item.dueDate ?? null,
    overdue: isOverdue(item, today),
    decisions: options.includeAnswers ? item.questions.filter((q) => q.answer.trim() !== '').map((q) => ({ question: q.text, answer: q.answer.trim() })) : [],
    notes: options.includeNotes ? item.notes.trim() : '',
    evidence: item.evidence.map((e) => ({ label: e.label, target: e.target })),
  });

  const latest = sortedSnapshots(file).at(-1);
  const now = snapshotOf(file, today, '', { now: () => new Date(`${today}T12:00:00Z`), newId: () => 'now' });
  const year = Number(today.slice(0, 4));
  const progress = tallyProgress(file, year);
  const stage = planStage(file, report, today, options.language);
  const delta = latest ? deltaBetween(file, latest, now) : null;
  // Changes are told from the rounded figures the reader sees: 74 % → 82 % is +8, not +9.
  const rounded = <T extends { from: number | null; to: number | null }>(c: T): T => ({ ...c, change: c.from === null || c.to === null ? null : roundedChange(c.from, c.to) });
  const found = context.references?.find((r) => r.id === 'hjoernesten');
  const cornerstones = found && options.language === 'en' ? englishReference(found) : found;
  return {
    steering: buildSteering(file, report, stage, today, options.language, latest ? { label: latest.label || latest.date, percent: latest.scores.overall } : null, context.roles),
    cornerstones: cornerstones ? { title: cornerstones.title, items: cornerstones.items.map((i) => ({ title: i.title, text: i.text })) } : null,
    evaluation: context.evaluation ?? null,
    extraSections: [...(context.extraSections ?? [])],
    appendices: [...(context.appendices ?? [])],
    options,
    sections: new Set(options.sections),
    delta: latest && delta ? { ...delta, overall: rounded(delta.overall), drivers: delta.drivers.map(rounded), phases: delta.phases.map(rounded), round: latest.label || latest.date } : null,
    tally: file.framework.tally && (progress.target !== null || progress.total > 0) ? { title: file.framework.tally.title, year, total: progress.total, target: progress.target, percent: progress.percent } : null,
    municipality: file.name,
    isExample: file.isExample,
    method: { title: file.pack.title, version: file.pack.version },
    date: today,
    overall: { percent: report.overall.percent, band: stage?.title ?? null, counts: report.overall.counts },
    drivers: report.drivers.map((d) => ({
      ...row(d),
      milestones: file.items.filter((i) => i.kind === 'milestone' && i.driverId === d.id && shown(i)).map(milestone),
    })),
    phases: report.phases.map((p) => {
      const phase = file.framework.phases.find((f) => f.id === p.id)!;
      return {
        id: p.id,
        title: p.title,
        description: phase.description,
        percent: p.percent,
        counts: p.counts,
        focusAreas: phase.focusAreas.map((a) => ({ title: a.title, description: a.description })),
        remaining: file.items.filter((i) => i.phaseId === p.id && isOpen(i)).map((i) => i.title),
      };
    }),
    flows: file.framework.flows.map((flow) => ({
      title: flow.title,
      steps: file.items
        .filter((i) => i.flowId === flow.id && shown(i))
        .map((i) => ({
          title: i.title,
          kind: i.stepKind ?? 'task',
          status: i.status,
          waitingFor: i.dependsOn.map((d) => byId.get(d)).filter((d) => d !== undefined && isOpen(d)).map((d) => d!.title),
        })),
    })),
    openQuestions: file.items
      .filter((i) => i.kind === 'milestone' && shown(i) && i.status !== 'not_relevant')
      .map((i) => ({ milestone: i.title, questions: i.questions.filter((q) => q.answer.trim() === '').map((q) => q.text) }))
      .filter((g) => g.questions.length > 0),
    sources: file.framework.sources.map((s) => ({ title: s.title, publisher: s.publisher, year: s.year, note: s.note })),
    items: file.items.filter(shown).map((item) => ({
      item,
      driver: item.driverId ? (driverTitle.get(item.driverId) ?? '') : '',
      phase: item.phaseId ? (phaseTitle.get(item.phaseId) ?? '') : '',
      overdue: isOverdue(item, today),
    })),
    evaluationReport: evaluationSection(file, today, options.language),
  };
}
