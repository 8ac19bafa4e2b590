import type { MunicipalityFile } from '../../core/schema/municipality';

type Json = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Field by field: where `from` and `to` differ, `current` takes `to`'s value; everything else stays. */
function revertFields(current: Json, from: Json, to: Json, skip: ReadonlySet<string>): Json {
  const out: Json = { ...current };
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (skip.has(key) || same(from[key], to[key])) continue;
    if (to[key] === undefined) delete out[key];
    else out[key] = to[key];
  }
  return out;
}

function revertList<T extends { id: string }>(current: readonly T[], from: readonly T[], to: readonly T[], item: (cur: T, f: T, t: T) => T): T[] {
  const fromById = new Map(from.map((e) => [e.id, e]));
  const toById = new Map(to.map((e) => [e.id, e]));
  // What the step added goes; what both have is reverted field by field.
  const out = current
    .filter((e) => !(fromById.has(e.id) && !toById.has(e.id)))
    .map((e) => {
      const f = fromById.get(e.id);
      const t = toById.get(e.id);
      return f && t ? item(e, f, t) : e;
    });
  const fromOrder = from.map((e) => e.id);
  to.forEach((entry, index) => {
    const at = out.findIndex((e) => e.id === entry.id);
    const removedByStep = !fromById.has(entry.id);
    const movedByStep = !removedByStep && fromOrder.indexOf(entry.id) !== index && from.length === to.length;
    if (at >= 0 && !movedByStep) return;
    if (at < 0 && !removedByStep) return; // Someone else removed it since; leave it removed.
    const [kept] = at >= 0 ? out.splice(at, 1) : [entry];
    out.splice(Math.min(index, out.length), 0, kept!);
  });
  return out;
}

/**
 * Undo and redo as inverse changes: what one step changed (from → to) is set back on the current
 * file, leaving alone everything others changed since. The result goes to the backend as a file,
 * which writes only the fields that differ.
 */
export function revertStep(current: MunicipalityFile, from: MunicipalityFile, to: MunicipalityFile): MunicipalityFile {
  const top = revertFields(current as unknown as Json, from as unknown as Json, to as unknown as Json, new Set(['items', 'assessment', 'conferences', 'revision', 'updatedAt'])) as unknown as MunicipalityFile;
  const items = revertList(current.items, from.items, to.items, (cur, f, t) => {
    const fields = revertFields(cur as unknown as Json, f as unknown as Json, t as unknown as Json, new Set(['questions', 'evidence'])) as unknown as typeof cur;
    return {
      ...fields,
      questions: revertList(cur.questions, f.questions, t.questions, (q, qf, qt) => revertFields(q as unknown as Json, qf as unknown as Json, qt as unknown as Json, new Set()) as unknown as typeof q),
      evidence: revertList(cur.evidence, f.evidence, t.evidence, (e) => e),
    };
  });
  const { snapshots: curRounds, ...curAssessment } = current.assessment;
  const assessment = {
    ...(revertFields(curAssessment, from.assessment as unknown as Json, to.assessment as unknown as Json, new Set(['snapshots'])) as Omit<typeof current.assessment, 'snapshots'>),
    snapshots: revertList(curRounds, from.assessment.snapshots, to.assessment.snapshots, (s) => s),
  };
  const key = (c: { month: string; caseType: string }) => `${c.month}|${c.caseType}`;
  const counts = new Map(current.conferences.counts.map((c) => [key(c), c]));
  const fromCounts = new Map(from.conferences.counts.map((c) => [key(c), c.count]));
  for (const c of to.conferences.counts) if (fromCounts.get(key(c)) !== c.count) counts.set(key(c), { ...c, count: Math.max(0, (counts.get(key(c))?.count ?? 0) + c.count - (fromCounts.get(key(c)) ?? 0)) });
  for (const [k, count] of fromCounts) if (!to.conferences.counts.some((c) => key(c) === k)) counts.set(k, { ...counts.get(k)!, count: Math.max(0, (counts.get(k)?.count ?? 0) - count) });
  const targets = new Map(current.conferences.targets.map((t) => [t.year, t]));
  for (const t of to.conferences.targets) if (!from.conferences.targets.some((f) => f.year === t.year && f.count === t.count)) targets.set(t.year, t);
  for (const f of from.conferences.targets) if (!to.conferences.targets.some((t) => t.year === f.year)) targets.delete(f.year);
  const conferences = {
    ...current.conferences,
    targets: [...targets.values()].sort((a, b) => a.year - b.year),
    counts: [...counts.values()].filter((c) => c !== undefined && c.count > 0).sort((a, b) => a.month.localeCompare(b.month) || a.caseType.localeCompare(b.caseType)),
  };
  const removedPackItemIds = [...new Set([...current.removedPackItemIds.filter((id) => !(from.removedPackItemIds.includes(id) && !to.removedPackItemIds.includes(id))), ...to.removedPackItemIds.filter((id) => !from.removedPackItemIds.includes(id))])];
  return { ...top, items, assessment, conferences, removedPackItemIds };
}
