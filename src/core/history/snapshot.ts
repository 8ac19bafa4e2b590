import { compareIso } from '../dates';
import type { Environment } from '../checklist/create';
import type { MunicipalityFile, Snapshot } from '../schema/municipality';
import { scoreMunicipality } from '../scoring/score';

/** The state of every item now, in the same form as a recorded round, so "now" can be compared too. */
export function snapshotOf(file: MunicipalityFile, date: string, label: string, env: Environment): Snapshot {
  const report = scoreMunicipality(file);
  const statuses: Snapshot['statuses'] = {};
  const dueDates: Snapshot['dueDates'] = {};
  const answered: Snapshot['answered'] = {};
  for (const item of file.items) {
    statuses[item.id] = item.status;
    if (item.dueDate) dueDates[item.id] = item.dueDate;
    const ids = item.questions.filter((q) => q.answer.trim() !== '').map((q) => q.id);
    if (ids.length > 0) answered[item.id] = ids;
  }
  return {
    id: `snap-${env.newId()}`,
    date,
    label: label.trim(),
    recordedAt: env.now().toISOString(),
    statuses,
    dueDates,
    answered,
    scores: {
      overall: report.overall.percent,
      drivers: Object.fromEntries(report.drivers.map((d) => [d.id, d.percent])),
      phases: Object.fromEntries(report.phases.map((p) => [p.id, p.percent])),
    },
  };
}

/** Rounds in date order (then by when they were recorded). */
export function sortedSnapshots(file: MunicipalityFile): Snapshot[] {
  return [...file.assessment.snapshots].sort((a, b) => compareIso(a.date, b.date) || compareIso(a.recordedAt, b.recordedAt));
}
