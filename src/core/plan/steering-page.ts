import { compareIso } from '../dates';
import { isOpen, isOverdue } from '../checklist/summary';
import type { Status } from '../schema/common';
import type { ChecklistItem, MunicipalityFile } from '../schema/municipality';
import { EMPTY_STEERING, type DecisionLogEntry, type Resource, type Risk } from '../schema/steering';
import type { PackRole } from '../schema/pack';
import { planRoles, type PlanRole } from '../pack/roles';
import type { ScoreReport } from '../scoring/score';
import { planLabels, formatPlanPercent } from './labels';
import { fillTemplate } from './fill';
import type { PlanStage } from './stage';

export type TrafficLight = 'red' | 'amber' | 'green' | 'grey';

/** The same thresholds as the app's colours (scoreColour): red < 40, amber < 75, green from 75. */
export function trafficLight(percent: number | null): TrafficLight {
  if (percent === null) return 'grey';
  const shown = Math.round(percent);
  return shown < 40 ? 'red' : shown < 75 ? 'amber' : 'green';
}

export interface PlanTrafficLight {
  /** "Organisering (driver)" and "Organisering (fase)" are told apart by this suffix. */
  title: string;
  group: 'driver' | 'phase';
  percent: number | null;
  light: TrafficLight;
}

export interface PlanOpenItem {
  id: string;
  title: string;
  kind: 'milestone' | 'flow_step';
  status: Status;
  owner: string;
  dueDate: string | null;
  overdue: boolean;
}

export interface PlanActionGroup {
  kind: 'overdue' | 'month' | 'unassigned';
  /** YYYY-MM for month groups. */
  month: string | null;
  items: PlanOpenItem[];
}

export interface PlanSteeringDecision {
  itemTitle: string;
  text: string;
  owner: string;
  date: string | null;
}

export interface PlanTimelineEntry {
  id: string;
  title: string;
  kind: 'milestone' | 'flow_step';
  dueDate: string;
  overdue: boolean;
  status: Status;
  waitingFor: Array<{ id: string; title: string }>;
}

export interface PlanSteering {
  keyMessages: string[];
  trafficLights: PlanTrafficLight[];
  stage: PlanStage | null;
  /** Open items in the weakest driver that the stage's lines do not already name: what to work on for the next stage. */
  stageMissing: string[];
  overdue: PlanOpenItem[];
  decisions: PlanSteeringDecision[];
  actionGroups: PlanActionGroup[];
  timeline: PlanTimelineEntry[];
  /** The method's roles (held or not), then the other roles the project leader recorded; then every owner with the number of open items they own. */
  roles: PlanRole[];
  owners: Array<{ owner: string; open: number; total: number }>;
  risks: Risk[];
  decisionLog: DecisionLogEntry[];
  resources: Resource[];
  documentControl: {
    statusDate: string;
    nextMeeting: string | null;
    rounds: Array<{ date: string; label: string; percent: number | null }>;
    approval: { preparedBy: string; approvedBy: string; approvedOn: string | null };
  };
  /** True when hardly anything is recorded: the plan is short and suggests first steps. */
  nearlyEmpty: boolean;
  firstSteps: string[];
}

const openItem = (item: ChecklistItem, today: string): PlanOpenItem => ({
  id: item.id,
  title: item.title,
  kind: item.kind,
  status: item.status,
  owner: item.owner.trim(),
  dueDate: item.dueDate ?? null,
  overdue: isOverdue(item, today),
});

const byDueThenTitle = (a: PlanOpenItem, b: PlanOpenItem) => compareIso(a.dueDate ?? '9999', b.dueDate ?? '9999') || a.title.localeCompare(b.title, 'da');

/**
 * Every open item exactly once: overdue first, then one group per month of the due date, and
 * last the items without a due date or without an owner, which nobody has taken on yet.
 */
export function actionGroups(file: MunicipalityFile, today: string): PlanActionGroup[] {
  const open = file.items.filter(isOpen).map((i) => openItem(i, today)).sort(byDueThenTitle);
  const unassigned = open.filter((i) => i.dueDate === null || i.owner === '');
  const assigned = open.filter((i) => i.dueDate !== null && i.owner !== '');
  const groups: PlanActionGroup[] = [];
  const overdue = assigned.filter((i) => i.overdue);
  if (overdue.length > 0) groups.push({ kind: 'overdue', month: null, items: overdue });
  for (const item of assigned.filter((i) => !i.overdue)) {
    const month = item.dueDate!.slice(0, 7);
    const last = groups.at(-1);
    if (last?.kind === 'month' && last.month === month) last.items.push(item);
    else groups.push({ kind: 'month', month, items: [item] });
  }
  if (unassigned.length > 0) groups.push({ kind: 'unassigned', month: null, items: unassigned });
  return groups;
}

function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** Open items due before a year from today (overdue ones included), with what they wait for. */
export function timelineEntries(file: MunicipalityFile, today: string): PlanTimelineEntry[] {
  const end = addMonths(today, 12);
  const byId = new Map(file.items.map((i) => [i.id, i]));
  return file.items
    .filter((i) => isOpen(i) && i.dueDate !== undefined && i.dueDate <= end)
    .map((i) => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      dueDate: i.dueDate!,
      overdue: isOverdue(i, today),
      status: i.status,
      waitingFor: i.dependsOn.map((d) => byId.get(d)).filter((d): d is ChecklistItem => d !== undefined && isOpen(d)).map((d) => ({ id: d.id, title: d.title })),
    }))
    .sort((a, b) => compareIso(a.dueDate, b.dueDate) || a.title.localeCompare(b.title, 'da'));
}

/** Page 1 is one page: it lists this many overdue items, and says how many more the action plan has. */
const PAGE_ONE_OVERDUE = 5;

/** The overdue items page 1 lists (all of them when the plan has no action plan to point to), and how many it leaves out. */
export function pageOneOverdue(overdue: readonly PlanOpenItem[], actionPlanIncluded: boolean): { shown: readonly PlanOpenItem[]; more: number } {
  const shown = actionPlanIncluded ? overdue.slice(0, PAGE_ONE_OVERDUE) : overdue;
  return { shown, more: overdue.length - shown.length };
}

/** Nothing owned, dated, answered or started: a new municipality. */
export function isNearlyEmpty(file: MunicipalityFile): boolean {
  return !file.items.some((i) => i.status === 'in_place' || i.status === 'in_progress' || i.owner.trim() !== '' || i.dueDate !== undefined || i.questions.some((q) => q.answer.trim() !== ''));
}

/** The first flow steps that wait for nothing, then the first milestone of each driver. */
function firstSteps(file: MunicipalityFile): string[] {
  const open = file.items.filter(isOpen);
  const ids = new Set(open.map((i) => i.id));
  const steps = open.filter((i) => i.kind === 'flow_step' && i.dependsOn.every((d) => !ids.has(d))).slice(0, 4);
  const milestones = file.framework.drivers.map((d) => open.find((i) => i.kind === 'milestone' && i.driverId === d.id)).filter((i): i is ChecklistItem => i !== undefined);
  return [...steps, ...milestones].map((i) => i.title);
}

export function buildSteering(
  file: MunicipalityFile,
  report: ScoreReport,
  stage: PlanStage | null,
  today: string,
  language: 'da' | 'en',
  lastRound: { label: string; percent: number | null } | null,
  packRoles: readonly PackRole[] = [],
): PlanSteering {
  const l = planLabels(language);
  const pct = (p: number | null) => formatPlanPercent(language, p);
  const steering = file.steering ?? EMPTY_STEERING;
  const groups = actionGroups(file, today);
  const overdue = file.items.filter((i) => isOverdue(i, today)).map((i) => openItem(i, today)).sort(byDueThenTitle);
  const decisions = file.items
    .filter((i) => i.steeringDecision !== undefined)
    .map((i) => ({ itemTitle: i.title, text: i.steeringDecision!.text, owner: i.steeringDecision!.owner, date: i.steeringDecision!.date ?? null }))
    .sort((a, b) => compareIso(a.date ?? '9999', b.date ?? '9999'));
  const trafficLights: PlanTrafficLight[] = [
    ...report.drivers.map((d) => ({ title: `${d.title} (${l.asDriver})`, group: 'driver' as const, percent: d.percent, light: trafficLight(d.percent) })),
    ...report.phases.map((p) => ({ title: `${p.title} (${l.asPhase})`, group: 'phase' as const, percent: p.percent, light: trafficLight(p.percent) })),
  ];
  const scored = report.drivers.filter((d) => d.percent !== null);
  const weakest = scored.length > 0 ? scored.reduce((a, b) => (b.percent! < a.percent! ? b : a)) : null;
  const unassigned = groups.find((g) => g.kind === 'unassigned')?.items.length ?? 0;

  const messages: string[] = [];
  messages.push(stage ? fillTemplate(l.msgOverall, { percent: pct(report.overall.percent), stage: stage.title }) : fillTemplate(l.msgOverallNoStage, { percent: pct(report.overall.percent) }));
  if (lastRound && lastRound.percent !== null && report.overall.percent !== null) {
    messages.push(fillTemplate(l.msgChange, { round: lastRound.label, change: signedPoints(roundedChange(lastRound.percent, report.overall.percent)) }));
  }
  messages.push(overdue.length > 0 ? fillTemplate(l.msgOverdue, { count: overdue.length }) : l.msgNoOverdue);
  if (decisions.length > 0) messages.push(fillTemplate(l.msgDecisions, { count: decisions.length }));
  if (unassigned > 0) messages.push(fillTemplate(l.msgUnowned, { count: unassigned }));
  if (weakest) messages.push(fillTemplate(l.msgWeakest, { title: weakest.title, percent: pct(weakest.percent) }));

  const owners = new Map<string, { open: number; total: number }>();
  for (const item of file.items) {
    const owner = item.owner.trim();
    if (owner === '' || item.status === 'not_relevant') continue;
    const entry = owners.get(owner) ?? { open: 0, total: 0 };
    entry.total += 1;
    if (isOpen(item)) entry.open += 1;
    owners.set(owner, entry);
  }

  const rounds = [...file.assessment.snapshots].sort((a, b) => compareIso(a.date, b.date) || compareIso(a.recordedAt, b.recordedAt));
  return {
    keyMessages: messages,
    trafficLights,
    stage,
    stageMissing: weakest ? file.items.filter((i) => i.kind === 'milestone' && i.driverId === weakest.id && isOpen(i) && !stage?.named?.includes(i.title)).map((i) => i.title) : [],
    overdue,
    decisions,
    actionGroups: groups,
    timeline: timelineEntries(file, today),
    roles: planRoles(steering.roles, packRoles, language),
    owners: [...owners.entries()].map(([owner, c]) => ({ owner, ...c })).sort((a, b) => b.open - a.open || a.owner.localeCompare(b.owner, 'da')),
    risks: [...steering.risks].sort((a, b) => Number(b.open) - Number(a.open)),
    // Newest first; decisions without a date last, since nobody can say when they were taken.
    decisionLog: [...steering.decisions].sort((a, b) => compareIso(b.date ?? '', a.date ?? '')),
    resources: steering.resources,
    documentControl: {
      statusDate: today,
      nextMeeting: steering.nextStatusMeeting ?? null,
      rounds: rounds.map((r) => ({ date: r.date, label: r.label, percent: r.scores.overall })),
      approval: { preparedBy: steering.approval?.preparedBy ?? '', approvedBy: steering.approval?.approvedBy ?? '', approvedOn: steering.approval?.approvedOn ?? null },
    },
    nearlyEmpty: isNearlyEmpty(file),
    firstSteps: firstSteps(file),
  };
}

/** What the project leader has recorded for the steering group; the method's roles count only once someone holds them. */
export function keptSteering(s: Pick<PlanSteering, 'roles' | 'risks' | 'decisionLog' | 'resources'>): number {
  return s.roles.filter((r) => !r.method || r.holder.trim() !== '').length + s.risks.length + s.decisionLog.length + s.resources.length;
}

/** The change the reader sees: from the rounded figures as printed (74 % → 82 % is +8). */
export function roundedChange(from: number, to: number): number {
  return Math.round(to) - Math.round(from);
}

export function signedPoints(change: number): string {
  return change > 0 ? `+${change}` : change < 0 ? `−${Math.abs(change)}` : '±0';
}
