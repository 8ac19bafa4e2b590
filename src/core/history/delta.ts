import type { Status } from '../schema/common';
import type { MunicipalityFile, Snapshot } from '../schema/municipality';
import { scoreItems } from '../scoring/score';
import { own } from './own';

const RANK: Record<Exclude<Status, 'not_relevant'>, number> = { not_started: 0, in_progress: 1, in_place: 2 };

export interface StatusMove {
  itemId: string;
  title: string;
  from: Status;
  to: Status;
}

export interface ScoreChange {
  id: string;
  title: string;
  from: number | null;
  to: number | null;
  /** Percentage points; null when either side has no score. */
  change: number | null;
}

export interface Delta {
  from: { date: string; label: string };
  to: { date: string; label: string };
  movedUp: StatusMove[];
  movedDown: StatusMove[];
  /** Other changes, to or from "not relevant". */
  otherMoves: StatusMove[];
  newlyOverdue: Array<{ itemId: string; title: string; dueDate: string }>;
  newDecisions: Array<{ itemId: string; title: string; question: string; answer: string }>;
  overall: ScoreChange;
  drivers: ScoreChange[];
  phases: ScoreChange[];
}

function open(status: Status | undefined): boolean {
  return status === 'not_started' || status === 'in_progress';
}

function overdueAt(snapshot: Snapshot, itemId: string): boolean {
  const due = own(snapshot.dueDates, itemId);
  return open(own(snapshot.statuses, itemId)) && due !== undefined && due < snapshot.date;
}

function scoreChange(id: string, title: string, from: number | null | undefined, to: number | null | undefined): ScoreChange {
  const a = from ?? null;
  const b = to ?? null;
  return { id, title, from: a, to: b, change: a === null || b === null ? null : b - a };
}

/**
 * What changed between two rounds (or a round and "now"): items that moved up or down, actions
 * that became overdue, decisions taken, and the score change per driver, phase and overall.
 * Items are named by their current title; items removed since are left out.
 */
export function deltaBetween(file: MunicipalityFile, from: Snapshot, to: Snapshot): Delta {
  const movedUp: StatusMove[] = [];
  const movedDown: StatusMove[] = [];
  const otherMoves: StatusMove[] = [];
  const newlyOverdue: Delta['newlyOverdue'] = [];
  const newDecisions: Delta['newDecisions'] = [];
  for (const item of file.items) {
    const before = own(from.statuses, item.id);
    const after = own(to.statuses, item.id);
    if (before !== undefined && after !== undefined && before !== after) {
      const move = { itemId: item.id, title: item.title, from: before, to: after };
      if (before === 'not_relevant' || after === 'not_relevant') otherMoves.push(move);
      else if (RANK[after] > RANK[before]) movedUp.push(move);
      else movedDown.push(move);
    }
    if (overdueAt(to, item.id) && !overdueAt(from, item.id)) newlyOverdue.push({ itemId: item.id, title: item.title, dueDate: own(to.dueDates, item.id)! });
    const answeredBefore = new Set(own(from.answered, item.id) ?? []);
    for (const questionId of own(to.answered, item.id) ?? []) {
      if (answeredBefore.has(questionId)) continue;
      const question = item.questions.find((q) => q.id === questionId);
      if (question) newDecisions.push({ itemId: item.id, title: item.title, question: question.text, answer: question.answer });
    }
  }
  return {
    from: { date: from.date, label: from.label },
    to: { date: to.date, label: to.label },
    movedUp,
    movedDown,
    otherMoves,
    newlyOverdue,
    newDecisions,
    overall: scoreChange('overall', file.name, from.scores.overall, to.scores.overall),
    drivers: file.framework.drivers.map((d) => scoreChange(d.id, d.title, own(from.scores.drivers, d.id), own(to.scores.drivers, d.id))),
    phases: file.framework.phases.map((p) => scoreChange(p.id, p.title, own(from.scores.phases, p.id), own(to.scores.phases, p.id))),
  };
}

export interface Dip {
  group: string;
  title: string;
  fromDate: string;
  toDate: string;
  drop: number;
}

/**
 * Implementation dips: a fall in a group's score from one round to the next, counted over the
 * same items only — those scored in both rounds. Adding a milestone, removing one or marking one
 * not relevant changes what is counted, not how far the work has come, so it is no dip.
 * A dip is expected when a new method meets practice; showing it keeps it from being mistaken
 * for failure or hidden.
 */
export function findDips(file: MunicipalityFile, rounds: readonly Snapshot[]): Dip[] {
  const dips: Dip[] = [];
  const groups = [
    { id: 'overall', title: file.name, items: file.items },
    ...file.framework.drivers.map((d) => ({ id: d.id, title: d.title, items: file.items.filter((i) => i.kind === 'milestone' && i.driverId === d.id) })),
    ...file.framework.phases.map((p) => ({ id: `phase:${p.id}`, title: p.title, items: file.items.filter((i) => i.phaseId === p.id) })),
  ];
  for (let i = 1; i < rounds.length; i++) {
    const before = rounds[i - 1]!;
    const after = rounds[i]!;
    for (const g of groups) {
      const common = g.items.flatMap((item) => {
        const a = own(before.statuses, item.id);
        const b = own(after.statuses, item.id);
        return a === undefined || b === undefined || a === 'not_relevant' || b === 'not_relevant' ? [] : [{ item, a, b }];
      });
      const a = scoreItems(g.id, g.title, common.map(({ item, a }) => ({ ...item, status: a }))).percent;
      const b = scoreItems(g.id, g.title, common.map(({ item, b }) => ({ ...item, status: b }))).percent;
      if (a !== null && b !== null && b < a) dips.push({ group: g.id, title: g.title, fromDate: before.date, toDate: after.date, drop: a - b });
    }
  }
  return dips;
}
