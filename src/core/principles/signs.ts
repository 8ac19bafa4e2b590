import type { PackMilestone } from '../schema/pack';
import type { ChecklistItem, MunicipalityFile } from '../schema/municipality';
import type { ItemPrinciple } from '../schema/principles';

type PrincipleFields = Pick<ChecklistItem, 'principles' | 'resourceNotes' | 'tools'>;

/**
 * The principle fields a new checklist item gets from its milestone, with the pack's English for
 * principles, signs and tools (the resource notes' English travels in the item's `en`); left out
 * when the pack has none.
 */
export function principlesFromPack(milestone: Pick<PackMilestone, 'principles' | 'resourceNotes' | 'tools'>): PrincipleFields {
  const fields: PrincipleFields = {};
  if (milestone.principles.length > 0) {
    fields.principles = milestone.principles.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description,
      ...(p.ours ? { ours: true } : {}),
      signs: p.signs.map((s) => ({ id: s.id, text: s.text, ...(s.ours ? { ours: true } : {}), seen: false, comment: '', ...(s.en ? { en: { ...s.en } } : {}) })),
      ...(p.en ? { en: { ...p.en } } : {}),
    }));
  }
  if (milestone.resourceNotes.length > 0) fields.resourceNotes = [...milestone.resourceNotes];
  if (milestone.tools.length > 0) fields.tools = milestone.tools.map((t) => ({ ...t, ...(t.en ? { en: { ...t.en } } : {}) }));
  return fields;
}

/**
 * The pack's newer principles with what the municipality ticked and wrote kept, matched by id.
 * Signs the pack dropped disappear with it; a comment on one is not lost silently only if the
 * caller keeps the old file (undo, backups).
 */
export function mergePrinciples(mine: readonly ItemPrinciple[] | undefined, theirs: readonly ItemPrinciple[] | undefined): ItemPrinciple[] | undefined {
  if (theirs === undefined) return undefined;
  const old = new Map((mine ?? []).flatMap((p) => p.signs.map((s) => [`${p.id}/${s.id}`, s] as const)));
  return theirs.map((p) => ({
    ...p,
    signs: p.signs.map((s) => {
      const kept = old.get(`${p.id}/${s.id}`);
      return kept ? { ...s, seen: kept.seen, comment: kept.comment } : s;
    }),
  }));
}

/** The item with one sign ticked, unticked or commented; null when the item has no such sign. */
export function withSign(item: ChecklistItem, principleId: string, signId: string, change: { seen?: boolean; comment?: string }): ChecklistItem | null {
  const principle = item.principles?.find((p) => p.id === principleId);
  if (!principle?.signs.some((s) => s.id === signId)) return null;
  return {
    ...item,
    principles: item.principles!.map((p) =>
      p.id !== principleId
        ? p
        : { ...p, signs: p.signs.map((s) => (s.id !== signId ? s : { ...s, ...(change.seen === undefined ? {} : { seen: change.seen }), ...(change.comment === undefined ? {} : { comment: change.comment }) })) },
    ),
  };
}

export interface SignCoverage {
  id: string;
  title: string;
  /** Observable signs the team sees in practice, and how many there are. */
  seen: number;
  total: number;
  /** 0–100; null when the group has no signs (or only not-relevant items). */
  percent: number | null;
}

/**
 * How far the principles are lived: the share of observable signs ticked as seen. A second figure
 * beside the status score, not folded into it, so a pack without principles scores as before and a
 * team can see "decided" (status) apart from "visible in practice" (signs). Items marked not
 * relevant are left out, as in the status score.
 */
export function signCoverage(id: string, title: string, items: readonly ChecklistItem[]): SignCoverage {
  let seen = 0;
  let total = 0;
  for (const item of items) {
    if (item.status === 'not_relevant') continue;
    for (const principle of item.principles ?? []) {
      for (const sign of principle.signs) {
        total++;
        if (sign.seen) seen++;
      }
    }
  }
  return { id, title, seen, total, percent: total === 0 ? null : (seen / total) * 100 };
}

export interface SignReport {
  overall: SignCoverage;
  drivers: SignCoverage[];
  items: SignCoverage[];
}

/** Sign coverage overall, per driver and per item; null when the municipality's pack has no principles. */
export function signReport(file: MunicipalityFile): SignReport | null {
  const withPrinciples = file.items.filter((i) => (i.principles?.length ?? 0) > 0);
  if (withPrinciples.length === 0) return null;
  return {
    overall: signCoverage('overall', file.name, file.items),
    drivers: file.framework.drivers
      .map((d) => signCoverage(d.id, d.title, file.items.filter((i) => i.driverId === d.id)))
      .filter((c) => c.total > 0),
    items: withPrinciples.map((i) => signCoverage(i.id, i.title, [i])),
  };
}
