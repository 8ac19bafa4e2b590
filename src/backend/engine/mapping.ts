import { createHash } from 'node:crypto';
import * as A from '@automerge/automerge';
import type { MunicipalityFile } from '../../core/schema/municipality';
import { canonical, DOCUMENT_FORMAT, orderedIds, stamp, unstamp, type EntryDoc, type ItemDoc, type MunicipalityDoc } from './document';
import { EVALUATION_PREFIX, evaluationOf, patchEvaluation } from './evaluation-mapping';

/** One field that a change touched, kept in the change's message for the change log. */
export interface ChangedField {
  field: string;
  item?: string;
  question?: string;
  evidence?: string;
  /** The new value, for short fields only (status, owner, dates, counts); notes and answers stay out of the log. */
  value?: unknown;
}

type Json = Record<string, unknown>;

const SPECIAL_TOP = new Set(['items', 'removedPackItemIds', 'assessment', 'conferences', 'revision', 'evaluation']);
const SPECIAL_ITEM = new Set(['questions', 'evidence']);
/** Fields whose new value the change log shows; long texts are only named. */
const LOGGED_VALUES = new Set(['status', 'owner', 'dueDate', 'weight', 'title', 'name', 'cadenceMonths', 'label']);
const MAX_LOGGED_FIELDS = 200;

function fieldsOf(entry: EntryDoc): Json {
  const out: Json = {};
  for (const [key, cell] of Object.entries(entry.fields)) {
    const value = unstamp(cell).v;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function entriesOf(map: Record<string, EntryDoc>, order: readonly unknown[]): Json[] {
  return orderedIds(order, Object.keys(map)).map((id) => fieldsOf(map[id]!));
}

/** The municipality file a document holds (not yet validated). */
export function documentToFile(doc: MunicipalityDoc): Json {
  const items = orderedIds(doc.itemOrder, Object.keys(doc.items)).map((id) => {
    const item = doc.items[id]!;
    return { ...fieldsOf(item), questions: entriesOf(item.questions, item.questionOrder), evidence: entriesOf(item.evidence, item.evidenceOrder) };
  });
  const sums = new Map<string, number>();
  for (const [key, counter] of Object.entries(doc.conferences.tally)) {
    const cell = key.split('|').slice(0, 2).join('|');
    sums.set(cell, (sums.get(cell) ?? 0) + Number(counter.value));
  }
  const counts = [...sums]
    .map(([cell, count]) => {
      const [month = '', caseType = ''] = cell.split('|');
      return { month, caseType, count: Math.max(0, count) };
    })
    .filter((c) => c.count > 0)
    .sort((a, b) => a.month.localeCompare(b.month) || a.caseType.localeCompare(b.caseType));
  const targets = Object.entries(doc.conferences.targets)
    .map(([year, cell]) => ({ year: Number(year), count: unstamp(cell).v }))
    .filter((t) => typeof t.count === 'number')
    .sort((a, b) => a.year - b.year);
  const top = fieldsOf(doc);
  for (const key of Object.keys(top)) if (key === 'evaluation' || key.startsWith(EVALUATION_PREFIX)) delete top[key];
  const evaluation = evaluationOf(doc.fields);
  if (evaluation !== undefined) top.evaluation = evaluation;
  return {
    ...top,
    items,
    removedPackItemIds: Object.keys(doc.removedPackItemIds).sort(),
    assessment: { ...fieldsOf(doc.assessment), snapshots: doc.assessment.rounds.map((r) => JSON.parse(String(r)) as unknown) },
    conferences: { ...fieldsOf(doc.conferences), targets, counts },
    revision: Number(doc.revision.value),
  };
}

function fillEntry(target: EntryDoc, source: Json, skip: ReadonlySet<string>, by: string): void {
  for (const [key, value] of Object.entries(source)) if (!skip.has(key) && value !== undefined) target.fields[key] = stamp(value, by);
}

function newItem(item: Json, by: string): ItemDoc {
  const doc: ItemDoc = { fields: {}, questions: {}, questionOrder: [], evidence: {}, evidenceOrder: [] };
  fillEntry(doc, item, SPECIAL_ITEM, by);
  for (const q of (item.questions as Json[] | undefined) ?? []) {
    const entry: EntryDoc = { fields: {} };
    fillEntry(entry, q, new Set(), by);
    doc.questions[String(q.id)] = entry;
    doc.questionOrder.push(new A.ImmutableString(String(q.id)));
  }
  for (const e of (item.evidence as Json[] | undefined) ?? []) {
    const entry: EntryDoc = { fields: {} };
    fillEntry(entry, e, new Set(), by);
    doc.evidence[String(e.id)] = entry;
    doc.evidenceOrder.push(new A.ImmutableString(String(e.id)));
  }
  return doc;
}

const tallyKey = (c: { month: string; caseType: string }) => `${c.month}|${c.caseType}`;

/**
 * The first change of a document, made the same way everywhere: its actor is derived from its
 * content and its time is 0, so two apps converting the same JSON file at once make one change.
 */
export function seedDocument(file: MunicipalityFile, by: string): A.Doc<MunicipalityDoc> {
  const content = canonical(file);
  const actor = createHash('sha256').update(`${by}\n${content}`).digest('hex').slice(0, 32);
  const raw = file as unknown as Json;
  const message = JSON.stringify({ by, what: [{ field: 'created', value: file.createdAt }] });
  return A.change(A.init<MunicipalityDoc>({ actor }), { time: 0, message }, (d) => {
    d.format = DOCUMENT_FORMAT;
    d.municipalityId = new A.ImmutableString(file.id);
    d.revision = new A.Counter(file.revision);
    d.fields = {};
    for (const [key, value] of Object.entries(raw)) if (!SPECIAL_TOP.has(key) && value !== undefined) d.fields[key] = stamp(value, by);
    patchEvaluation(d.fields, undefined, file.evaluation, by);
    d.items = {};
    d.itemOrder = [];
    for (const item of file.items) {
      d.items[item.id] = newItem(item as unknown as Json, by);
      d.itemOrder.push(new A.ImmutableString(item.id));
    }
    d.removedPackItemIds = {};
    for (const id of file.removedPackItemIds) d.removedPackItemIds[id] = true;
    const { snapshots, ...assessmentRest } = file.assessment;
    d.assessment = { fields: {}, rounds: snapshots.map((s) => new A.ImmutableString(JSON.stringify(s))) };
    for (const [key, value] of Object.entries(assessmentRest)) d.assessment.fields[key] = stamp(value, by);
    const { targets, counts, ...conferencesRest } = file.conferences;
    d.conferences = { fields: {}, targets: {}, tally: {} };
    for (const [key, value] of Object.entries(conferencesRest)) d.conferences.fields[key] = stamp(value, by);
    for (const t of targets) d.conferences.targets[String(t.year)] = stamp(t.count, by);
    for (const c of counts) d.conferences.tally[`${tallyKey(c)}|${actor}`] = new A.Counter(c.count);
  });
}

interface PatchContext {
  by: string;
  actor: string;
  changed: ChangedField[];
}

/** Written along with a status; the log names the status change itself. */
const UNLOGGED = new Set(['statusChangedAt', 'reviewedAt']);

function note(ctx: PatchContext, change: ChangedField, value: unknown): void {
  if (ctx.changed.length >= MAX_LOGGED_FIELDS || (UNLOGGED.has(change.field) && ctx.changed.length > 0)) return;
  ctx.changed.push(LOGGED_VALUES.has(change.field) && value !== undefined ? { ...change, value } : change);
}

/** Writes the fields of `after` that differ from `before`; returns the keys written. */
function patchFields(target: EntryDoc, before: Json, after: Json, skip: ReadonlySet<string>, ctx: PatchContext, where: Omit<ChangedField, 'field'>): void {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (skip.has(key)) continue;
    const next = after[key];
    // The core's edits keep unchanged parts as the same objects: most fields need no comparing.
    if (before[key] === next || canonical(before[key]) === canonical(next)) continue;
    if (next === undefined) delete target.fields[key];
    else target.fields[key] = stamp(next, ctx.by);
    note(ctx, { ...where, field: key }, next);
  }
}

/** Makes `list` hold `ids` in that order with the fewest inserts and deletes. */
function syncOrder(list: A.ImmutableString[], ids: readonly string[]): void {
  const wanted = new Set(ids);
  const current = list.map(String);
  for (let i = current.length - 1; i >= 0; i--) {
    if (!wanted.has(current[i]!) || current.indexOf(current[i]!) !== i) {
      list.splice(i, 1);
      current.splice(i, 1);
    }
  }
  ids.forEach((id, i) => {
    if (current[i] === id) return;
    const from = current.indexOf(id);
    if (from >= 0) {
      list.splice(from, 1);
      current.splice(from, 1);
    }
    list.splice(i, 0, new A.ImmutableString(id));
    current.splice(i, 0, id);
  });
}

function patchEntries(map: Record<string, EntryDoc>, order: A.ImmutableString[], before: Json[], after: Json[], ctx: PatchContext, where: (id: string) => Omit<ChangedField, 'field'>, kind: string): void {
  const old = new Map(before.map((e) => [String(e.id), e]));
  const next = new Map(after.map((e) => [String(e.id), e]));
  for (const id of old.keys()) {
    if (!next.has(id)) {
      delete map[id];
      note(ctx, { ...where(id), field: `${kind}.removed` }, undefined);
    }
  }
  for (const [id, entry] of next) {
    const previous = old.get(id);
    if (previous === undefined || map[id] === undefined) {
      map[id] = { fields: {} };
      fillEntry(map[id], entry, new Set(), ctx.by);
      note(ctx, { ...where(id), field: `${kind}.added` }, undefined);
    } else patchFields(map[id], previous, entry, new Set(), ctx, where(id));
  }
  const ids = after.map((e) => String(e.id));
  if (canonical(orderedIds(order, Object.keys(map))) !== canonical(ids)) syncOrder(order, ids);
}

function patchRounds(d: MunicipalityDoc, oldRounds: MunicipalityFile['assessment']['snapshots'], newRounds: MunicipalityFile['assessment']['snapshots'], ctx: PatchContext): void {
  const keptRounds = new Set(newRounds.map((r) => r.id));
  for (let i = d.assessment.rounds.length - 1; i >= 0; i--) {
    const id = (JSON.parse(String(d.assessment.rounds[i])) as { id?: string }).id ?? '';
    if (!keptRounds.has(id) && oldRounds.some((r) => r.id === id)) {
      d.assessment.rounds.splice(i, 1);
      note(ctx, { field: 'round.removed', value: id }, undefined);
    }
  }
  for (const round of newRounds) {
    if (!oldRounds.some((r) => r.id === round.id)) {
      d.assessment.rounds.push(new A.ImmutableString(JSON.stringify(round)));
      note(ctx, { field: 'round.added', value: round.date }, undefined);
    }
  }
}

/**
 * Turns the difference between two versions of a file into changes of single fields, so that
 * concurrent changes to different fields or items all survive a merge. Returns what changed.
 */
export function patchDocument(d: MunicipalityDoc, before: MunicipalityFile, after: MunicipalityFile, by: string, actor: string): ChangedField[] {
  const ctx: PatchContext = { by, actor, changed: [] };
  const b = before as unknown as Json;
  const a = after as unknown as Json;
  patchFields(d, b, a, new Set([...SPECIAL_TOP, 'updatedAt']), ctx, {});
  if (patchEvaluation(d.fields, before.evaluation, after.evaluation, by)) note(ctx, { field: 'evaluation' }, undefined);

  const oldItems = new Map(before.items.map((i) => [i.id, i as unknown as Json]));
  for (const item of before.items) {
    if (!after.items.some((i) => i.id === item.id)) {
      delete d.items[item.id];
      note(ctx, { item: item.id, field: 'removed' }, undefined);
    }
  }
  for (const item of after.items) {
    const previous = oldItems.get(item.id);
    const current = item as unknown as Json;
    if (previous === current && d.items[item.id] !== undefined) continue;
    const target = d.items[item.id];
    if (previous === undefined || target === undefined) {
      d.items[item.id] = newItem(current, by);
      note(ctx, { item: item.id, field: 'added', value: item.title }, undefined);
      continue;
    }
    patchFields(target, previous, current, SPECIAL_ITEM, ctx, { item: item.id });
    patchEntries(target.questions, target.questionOrder, (previous.questions as Json[]) ?? [], item.questions as unknown as Json[], ctx, (id) => ({ item: item.id, question: id }), 'question');
    patchEntries(target.evidence, target.evidenceOrder, (previous.evidence as Json[]) ?? [], item.evidence as unknown as Json[], ctx, (id) => ({ item: item.id, evidence: id }), 'evidence');
  }
  const ids = after.items.map((i) => i.id);
  // `before` was read from the document in its order, so the document's list (read through
  // Automerge's proxies, which costs) only needs a look when the ids or their order changed.
  if (canonical(before.items.map((i) => i.id)) !== canonical(ids) && canonical(orderedIds(d.itemOrder, Object.keys(d.items))) !== canonical(ids)) {
    syncOrder(d.itemOrder, ids);
    if (before.items.length === after.items.length) note(ctx, { field: 'order' }, undefined);
  }

  const removedBefore = new Set(before.removedPackItemIds);
  for (const id of after.removedPackItemIds) if (!removedBefore.has(id)) d.removedPackItemIds[id] = true;
  for (const id of removedBefore) if (!after.removedPackItemIds.includes(id)) delete d.removedPackItemIds[id];

  const { snapshots: oldRounds, ...oldAssessment } = before.assessment;
  const { snapshots: newRounds, ...newAssessment } = after.assessment;
  patchFields(d.assessment, oldAssessment, newAssessment, new Set(), ctx, {});
  // Rounds are immutable values: an edit that left the list as it was needs no reading of 60 rounds.
  if (oldRounds !== newRounds) patchRounds(d, oldRounds, newRounds, ctx);

  const { targets: oldTargets, counts: oldCounts, ...oldConferences } = before.conferences;
  const { targets: newTargets, counts: newCounts, ...newConferences } = after.conferences;
  patchFields(d.conferences, oldConferences, newConferences, new Set(), ctx, {});
  const targetsBefore = new Map(oldTargets.map((t) => [t.year, t.count]));
  const targetsAfter = new Map(newTargets.map((t) => [t.year, t.count]));
  for (const year of new Set([...targetsBefore.keys(), ...targetsAfter.keys()])) {
    const next = targetsAfter.get(year);
    if (targetsBefore.get(year) === next) continue;
    if (next === undefined) delete d.conferences.targets[String(year)];
    else d.conferences.targets[String(year)] = stamp(next, by);
    ctx.changed.push({ field: 'target', value: { year, count: next ?? null } });
  }
  const countsBefore = new Map(oldCounts.map((c) => [tallyKey(c), c.count]));
  const countsAfter = new Map(newCounts.map((c) => [tallyKey(c), c.count]));
  for (const key of new Set([...countsBefore.keys(), ...countsAfter.keys()])) {
    const delta = (countsAfter.get(key) ?? 0) - (countsBefore.get(key) ?? 0);
    if (delta === 0) continue;
    // A new counter under a key of its own: concurrent additions, even the first of a month, all count.
    d.conferences.tally[`${key}|${actor}.${ctx.changed.length}.${Math.random().toString(36).slice(2, 10)}`] = new A.Counter(delta);
    ctx.changed.push({ field: 'tally', value: { key, delta } });
  }
  return ctx.changed;
}

export interface FieldRef {
  field: string;
  itemId?: string;
  questionId?: string;
}

/** Writes a field's kept value again, so the concurrent values no longer show as a conflict. */
export function settleField(d: MunicipalityDoc, ref: FieldRef, by: string): boolean {
  const entry: EntryDoc | undefined = ref.itemId === undefined ? d : ref.questionId === undefined ? d.items[ref.itemId] : d.items[ref.itemId]?.questions[ref.questionId];
  const cell = entry?.fields[ref.field];
  if (entry === undefined || cell === undefined) return false;
  entry.fields[ref.field] = stamp(unstamp(cell).v, by);
  return true;
}
