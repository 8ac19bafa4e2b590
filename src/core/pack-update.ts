import { z } from 'zod';
import { frameworkFromPack, itemsFromPack, packRef } from './checklist/create';
import type { ChecklistItem, MunicipalityFile } from './schema/municipality';
import type { Pack } from './schema/pack';
import { mergePrinciples } from './principles/signs';

export const packChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item_added'), key: z.string(), itemId: z.string(), title: z.string() }),
  z.object({ kind: z.literal('item_removed'), key: z.string(), itemId: z.string(), title: z.string(), keptAsCustom: z.boolean() }),
  z.object({ kind: z.literal('title_changed'), key: z.string(), itemId: z.string(), from: z.string(), to: z.string(), local: z.string().nullable(), conflict: z.boolean() }),
  z.object({ kind: z.literal('question_added'), key: z.string(), itemId: z.string(), itemTitle: z.string(), text: z.string() }),
  z.object({ kind: z.literal('question_removed'), key: z.string(), itemId: z.string(), itemTitle: z.string(), text: z.string(), keptAsCustom: z.boolean() }),
  z.object({ kind: z.literal('question_changed'), key: z.string(), itemId: z.string(), itemTitle: z.string(), from: z.string(), to: z.string(), local: z.string().nullable(), conflict: z.boolean() }),
]);
export type PackChange = z.infer<typeof packChangeSchema>;

export const packUpdateSchema = z.object({
  packId: z.string(),
  fromVersion: z.string(),
  toVersion: z.string(),
  changes: z.array(packChangeSchema),
});
export type PackUpdate = z.infer<typeof packUpdateSchema>;

/** For each conflict, keep the municipality's own wording or take the new pack's. */
export const conflictChoicesSchema = z.record(z.string(), z.enum(['mine', 'theirs']));
export type ConflictChoices = z.infer<typeof conflictChoicesSchema>;

export class PackUpdateError extends Error {
  override readonly name = 'PackUpdateError';
}

/** 1.10.0 > 1.9.3: versions compare part by part as numbers. */
export function isNewerVersion(candidate: string, current: string): boolean {
  const a = candidate.split('.').map(Number);
  const b = current.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}

function hasUserData(item: ChecklistItem): boolean {
  return item.status !== 'not_started' || item.owner !== '' || item.notes !== '' || item.dueDate !== undefined || item.evidence.length > 0 || item.questions.some((q) => q.answer.trim() !== '');
}

/**
 * Compares the municipality with a newer version of its pack. A rewording is a conflict only when
 * both sides changed the same text differently: the municipality (its text differs from the pack
 * wording it last synced) and the pack (its new wording differs from that same old wording).
 */
export function computePackUpdate(file: MunicipalityFile, pack: Pack): PackUpdate | null {
  if (pack.id !== file.pack.id || !isNewerVersion(pack.version, file.pack.version)) return null;
  const incoming = new Map(itemsFromPack(pack).map((i) => [i.id, i]));
  const current = new Map(file.items.filter((i) => i.origin === 'pack').map((i) => [i.id, i]));
  const changes: PackChange[] = [];

  for (const next of incoming.values()) {
    if (current.has(next.id) || file.removedPackItemIds.includes(next.id)) continue;
    changes.push({ kind: 'item_added', key: `add:${next.id}`, itemId: next.id, title: next.title });
  }
  for (const item of current.values()) {
    const next = incoming.get(item.id);
    if (!next) {
      changes.push({ kind: 'item_removed', key: `remove:${item.id}`, itemId: item.id, title: item.title, keptAsCustom: hasUserData(item) });
      continue;
    }
    const oldTitle = item.packTitle ?? item.title;
    if (next.title !== oldTitle) {
      const local = item.title !== oldTitle ? item.title : null;
      changes.push({ kind: 'title_changed', key: `title:${item.id}`, itemId: item.id, from: oldTitle, to: next.title, local, conflict: local !== null && local !== next.title });
    }
    const oldQuestions = new Map(item.questions.filter((q) => q.origin === 'pack').map((q) => [q.id, q]));
    for (const q of next.questions) {
      const mine = oldQuestions.get(q.id);
      if (!mine) {
        if (!item.questions.some((x) => x.id === q.id)) changes.push({ kind: 'question_added', key: `qadd:${item.id}:${q.id}`, itemId: item.id, itemTitle: item.title, text: q.text });
        continue;
      }
      const oldText = mine.packText ?? mine.text;
      if (q.text !== oldText) {
        const local = mine.text !== oldText ? mine.text : null;
        changes.push({ kind: 'question_changed', key: `qtext:${item.id}:${q.id}`, itemId: item.id, itemTitle: item.title, from: oldText, to: q.text, local, conflict: local !== null && local !== q.text });
      }
    }
    const nextIds = new Set(next.questions.map((q) => q.id));
    for (const mine of oldQuestions.values()) {
      if (!nextIds.has(mine.id)) changes.push({ kind: 'question_removed', key: `qremove:${item.id}:${mine.id}`, itemId: item.id, itemTitle: item.title, text: mine.text, keptAsCustom: mine.answer.trim() !== '' });
    }
  }
  return { packId: pack.id, fromVersion: file.pack.version, toVersion: pack.version, changes };
}

/**
 * Applies the update: new items in, untouched removed items out (those with the municipality's
 * data stay as its own items), rewordings taken unless the municipality reworded the text itself
 * (then its choice decides). Statuses, owners, notes, answers, evidence and history stay. An
 * intro follows the pack silently while it is still the pack's (an intro the municipality rewrote
 * stays), and the pack's English (titles, intros, questions, framework texts) is always taken anew.
 */
export function applyPackUpdate(file: MunicipalityFile, pack: Pack, choices: ConflictChoices): MunicipalityFile {
  const update = computePackUpdate(file, pack);
  if (!update) throw new PackUpdateError(`the municipality already uses ${pack.title} ${file.pack.version}; there is nothing to update`);
  const missing = update.changes.filter((c) => 'conflict' in c && c.conflict && !choices[c.key]);
  if (missing.length > 0) throw new PackUpdateError(`choose which wording to keep for ${missing.length} conflicting change${missing.length === 1 ? '' : 's'}`);
  const incoming = new Map(itemsFromPack(pack).map((i) => [i.id, i]));
  const removed = new Map(update.changes.filter((c) => c.kind === 'item_removed').map((c) => [c.itemId, c]));
  const take = (local: string, theirs: string, key: string, reworded: boolean) => (!reworded ? theirs : choices[key] === 'theirs' ? theirs : local);

  let items: ChecklistItem[] = [];
  for (const item of file.items) {
    if (item.origin !== 'pack') {
      items.push(item);
      continue;
    }
    const next = incoming.get(item.id);
    if (!next) {
      const change = removed.get(item.id);
      if (change?.kind === 'item_removed' && change.keptAsCustom) {
        const { packTitle: _t, packIntro: _i, en: _e, ...rest } = item;
        items.push({ ...rest, origin: 'custom', questions: item.questions.map(({ packText: _p, en: _qe, ...q }) => ({ ...q, origin: 'custom' as const })) });
      }
      continue;
    }
    const oldTitle = item.packTitle ?? item.title;
    const title = next.title === oldTitle ? item.title : take(item.title, next.title, `title:${item.id}`, item.title !== oldTitle);
    const mine = new Map(item.questions.map((q) => [q.id, q]));
    const questions = next.questions.map((q) => {
      const existing = mine.get(q.id);
      if (!existing || existing.origin !== 'pack') return q;
      const oldText = existing.packText ?? existing.text;
      const text = q.text === oldText ? existing.text : take(existing.text, q.text, `qtext:${item.id}:${q.id}`, existing.text !== oldText);
      const { en: _oldQuestionEnglish, ...rest } = existing;
      return { ...rest, text, packText: q.text, ...(q.en ? { en: q.en } : {}) };
    });
    const nextIds = new Set(next.questions.map((q) => q.id));
    const leftovers = item.questions.filter((q) => !nextIds.has(q.id) && (q.origin === 'custom' || q.answer.trim() !== '')).map(({ packText: _p, en: _e, ...q }) => ({ ...q, origin: 'custom' as const }));
    // The intro follows the pack unless the municipality rewrote it (then its own words stay).
    const oldIntro = item.packIntro ?? item.intro;
    const intro = item.intro === oldIntro ? next.intro : item.intro;
    // English follows the pack as it is now; it is never the municipality's own text.
    const { en: _oldEnglish, ...kept } = item;
    items.push({
      ...kept,
      ...(next.en ? { en: next.en } : {}),
      title,
      packTitle: next.title,
      intro,
      packIntro: next.intro,
      driverId: next.driverId,
      phaseId: next.phaseId,
      focusAreaIds: next.focusAreaIds,
      dependsOn: next.dependsOn,
      ...(next.stepKind ? { stepKind: next.stepKind } : {}),
      weight: next.weight,
      questions: [...questions, ...leftovers],
      ...principleFieldsAfterUpdate(item, next),
    });
  }

  for (const change of update.changes) {
    if (change.kind !== 'item_added') continue;
    const next = incoming.get(change.itemId)!;
    // New milestones go after the last item of their driver; new flow steps after the last step of their flow.
    const anchor = next.kind === 'milestone' ? items.findLastIndex((i) => i.kind === 'milestone' && i.driverId === next.driverId) : items.findLastIndex((i) => i.flowId === next.flowId);
    items = [...items.slice(0, anchor + 1), next, ...items.slice(anchor + 1)];
  }

  const driverIds = new Set(pack.drivers.map((d) => d.id));
  const phaseIds = new Set(pack.phases.map((p) => p.id));
  const flowIds = new Set(pack.flows.map((f) => f.id));
  const itemIds = new Set(items.map((i) => i.id));
  items = items
    .filter((i) => i.kind !== 'flow_step' || (i.flowId !== undefined && flowIds.has(i.flowId)))
    .map((i) => {
      const { phaseId, ...rest } = i;
      return {
        ...rest,
        ...(i.driverId !== undefined ? { driverId: driverIds.has(i.driverId) ? i.driverId : pack.drivers[0]!.id } : {}),
        ...(phaseId !== undefined && phaseIds.has(phaseId) ? { phaseId } : {}),
        dependsOn: i.dependsOn.filter((d) => itemIds.has(d)),
      };
    });

  return {
    ...file,
    pack: packRef(pack),
    framework: frameworkFromPack(pack),
    items,
  };
}

/** Principles, resource notes and tools follow the pack; what the municipality ticked and wrote is kept by id. */
function principleFieldsAfterUpdate(mine: ChecklistItem, theirs: ChecklistItem): Pick<ChecklistItem, 'principles' | 'resourceNotes' | 'tools'> {
  const principles = mergePrinciples(mine.principles, theirs.principles);
  return {
    ...(principles === undefined ? {} : { principles }),
    ...(theirs.resourceNotes === undefined ? {} : { resourceNotes: theirs.resourceNotes }),
    ...(theirs.tools === undefined ? {} : { tools: theirs.tools }),
  };
}
