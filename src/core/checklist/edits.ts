import { z } from 'zod';
import { isoDateSchema, nonEmptyText, slugSchema, statusSchema } from '../schema/common';
import type { AnsweredQuestion, ChecklistItem, MunicipalityFile } from '../schema/municipality';
import type { Environment } from './create';
import { snapshotOf } from '../history/snapshot';
import { withSign } from '../principles/signs';
import { withFidelityRound, withoutFidelityRound } from '../principles/fidelity';
import { applyEvaluationEdit, setEvaluationMonthEditSchema, setEvaluationTargetEditSchema } from '../evaluation/edits';
import { steeringDecisionFlagSchema, steeringSchema } from '../schema/steering';

const itemId = z.string().min(1).max(120);

/** Every change a user can make to a checklist, as data: the UI sends these, undo replays them. */
export const checklistEditSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('renameMunicipality'), name: nonEmptyText(200) }),
  z.strictObject({ type: z.literal('setStatus'), itemId, status: statusSchema }),
  z.strictObject({ type: z.literal('setOwner'), itemId, owner: z.string().trim().max(200) }),
  z.strictObject({ type: z.literal('setDueDate'), itemId, dueDate: isoDateSchema.nullable() }),
  z.strictObject({ type: z.literal('setNotes'), itemId, notes: z.string().max(50000) }),
  z.strictObject({ type: z.literal('setTitle'), itemId, title: nonEmptyText(500) }),
  z.strictObject({ type: z.literal('setIntro'), itemId, intro: z.string().max(20000) }),
  z.strictObject({ type: z.literal('setWeight'), itemId, weight: z.number().positive().max(100) }),
  z.strictObject({ type: z.literal('answerQuestion'), itemId, questionId: itemId, answer: z.string().max(20000) }),
  z.strictObject({ type: z.literal('addQuestion'), itemId, text: nonEmptyText(1000) }),
  z.strictObject({ type: z.literal('editQuestion'), itemId, questionId: itemId, text: nonEmptyText(1000) }),
  z.strictObject({ type: z.literal('removeQuestion'), itemId, questionId: itemId }),
  z.strictObject({
    type: z.literal('addItem'),
    title: nonEmptyText(500),
    driverId: slugSchema,
    phaseId: slugSchema.optional(),
    afterItemId: itemId.optional(),
  }),
  z.strictObject({ type: z.literal('removeItem'), itemId }),
  z.strictObject({ type: z.literal('moveItem'), itemId, toIndex: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('addEvidence'), itemId, label: nonEmptyText(300), target: nonEmptyText(2000) }),
  z.strictObject({ type: z.literal('removeEvidence'), itemId, evidenceId: itemId }),
  z.strictObject({ type: z.literal('confirmStatus'), itemId }),
  z.strictObject({ type: z.literal('setCadence'), months: z.number().int().min(1).max(60).nullable() }),
  z.strictObject({ type: z.literal('recordSnapshot'), date: isoDateSchema, label: z.string().trim().max(200) }),
  z.strictObject({ type: z.literal('removeSnapshot'), snapshotId: itemId }),
  z.strictObject({ type: z.literal('setTarget'), year: z.number().int().min(2000).max(2100), count: z.number().int().min(0).max(100000).nullable() }),
  z.strictObject({
    type: z.literal('setTallyCount'),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM'),
    caseType: slugSchema,
    count: z.number().int().min(0).max(100000),
  }),
  z.strictObject({ type: z.literal('setSign'), itemId, principleId: slugSchema, signId: slugSchema, seen: z.boolean().optional(), comment: z.string().max(2000).optional() }),
  z.strictObject({
    type: z.literal('setFidelityRound'),
    /** Absent for a new round. */
    roundId: itemId.optional(),
    period: nonEmptyText(60),
    reviewed: z.number().int().min(0).max(100000),
    met: z.array(z.strictObject({ pointId: slugSchema, count: z.number().int().min(0).max(100000) })).max(50),
  }),
  z.strictObject({ type: z.literal('removeFidelityRound'), roundId: itemId }),
  setEvaluationMonthEditSchema,
  setEvaluationTargetEditSchema,
  // Steering-group data (plan page 1 and the Styring tab): a flag per item, the rest as one block.
  z.strictObject({ type: z.literal('setSteeringDecision'), itemId, flag: steeringDecisionFlagSchema.nullable() }),
  z.strictObject({ type: z.literal('setSteering'), steering: steeringSchema }),
]);
export type ChecklistEdit = z.infer<typeof checklistEditSchema>;

/** A user-facing reason an edit cannot be applied (unknown item, unknown driver, …). */
export class EditError extends Error {
  override readonly name = 'EditError';
}

function findItem(file: MunicipalityFile, id: string): ChecklistItem {
  const item = file.items.find((i) => i.id === id);
  if (!item) throw new EditError(`there is no checklist item "${id}"`);
  return item;
}

function updateItem(file: MunicipalityFile, id: string, change: (item: ChecklistItem) => ChecklistItem): MunicipalityFile {
  findItem(file, id);
  return { ...file, items: file.items.map((item) => (item.id === id ? change(item) : item)) };
}

function updateQuestion(item: ChecklistItem, questionId: string, change: (q: AnsweredQuestion) => AnsweredQuestion): ChecklistItem {
  if (!item.questions.some((q) => q.id === questionId)) throw new EditError(`item "${item.id}" has no question "${questionId}"`);
  return { ...item, questions: item.questions.map((q) => (q.id === questionId ? change(q) : q)) };
}

/**
 * Applies one edit and returns the new file; the input is never mutated, so the previous
 * file is the undo state. Revision and updatedAt are left to the save, which owns them.
 */
export function applyEdit(file: MunicipalityFile, edit: ChecklistEdit, env: Environment): MunicipalityFile {
  switch (edit.type) {
    case 'renameMunicipality':
      return { ...file, name: edit.name.trim() };
    case 'setStatus':
      return updateItem(file, edit.itemId, (item) => {
        if (item.status === edit.status) return item;
        const at = env.now().toISOString();
        return { ...item, status: edit.status, statusChangedAt: at, reviewedAt: at };
      });
    case 'confirmStatus':
      return updateItem(file, edit.itemId, (item) => ({ ...item, reviewedAt: env.now().toISOString() }));
    case 'setCadence':
      return { ...file, assessment: { ...file.assessment, cadenceMonths: edit.months } };
    case 'recordSnapshot':
      return { ...file, assessment: { ...file.assessment, snapshots: [...file.assessment.snapshots, snapshotOf(file, edit.date, edit.label, env)] } };
    case 'removeSnapshot':
      if (!file.assessment.snapshots.some((s) => s.id === edit.snapshotId)) throw new EditError(`there is no assessment round "${edit.snapshotId}"`);
      return { ...file, assessment: { ...file.assessment, snapshots: file.assessment.snapshots.filter((s) => s.id !== edit.snapshotId) } };
    case 'setTarget': {
      const others = file.conferences.targets.filter((t) => t.year !== edit.year);
      const targets = edit.count === null ? others : [...others, { year: edit.year, count: edit.count }].sort((a, b) => a.year - b.year);
      return { ...file, conferences: { ...file.conferences, targets } };
    }
    case 'setTallyCount': {
      if (!file.framework.tally?.caseTypes.some((c) => c.id === edit.caseType)) throw new EditError(`unknown case type "${edit.caseType}"`);
      const others = file.conferences.counts.filter((c) => !(c.month === edit.month && c.caseType === edit.caseType));
      const counts = edit.count === 0 ? others : [...others, { month: edit.month, caseType: edit.caseType, count: edit.count }].sort((a, b) => a.month.localeCompare(b.month) || a.caseType.localeCompare(b.caseType));
      return { ...file, conferences: { ...file.conferences, counts } };
    }
    case 'setSign':
      return updateItem(file, edit.itemId, (item) => {
        const next = withSign(item, edit.principleId, edit.signId, { ...(edit.seen === undefined ? {} : { seen: edit.seen }), ...(edit.comment === undefined ? {} : { comment: edit.comment }) });
        if (next === null) throw new EditError(`item "${item.id}" has no observable sign "${edit.principleId}/${edit.signId}"`);
        return next;
      });
    case 'setFidelityRound': {
      const tooMany = edit.met.find((m) => m.count > edit.reviewed);
      if (tooMany) throw new EditError(`"${tooMany.pointId}" cannot be met in more than the ${edit.reviewed} conferences looked at`);
      return withFidelityRound(file, { id: edit.roundId ?? `fid-${env.newId()}`, period: edit.period.trim(), reviewed: edit.reviewed, met: edit.met });
    }
    case 'removeFidelityRound': {
      const next = withoutFidelityRound(file, edit.roundId);
      if (next === null) throw new EditError(`there is no fidelity round "${edit.roundId}"`);
      return next;
    }
    case 'setEvaluationMonth':
    case 'setEvaluationTarget':
      return applyEvaluationEdit(file, edit);
    case 'setOwner':
      return updateItem(file, edit.itemId, (item) => ({ ...item, owner: edit.owner }));
    case 'setDueDate':
      return updateItem(file, edit.itemId, (item) => {
        const { dueDate: _previous, ...rest } = item;
        return edit.dueDate === null ? rest : { ...rest, dueDate: edit.dueDate };
      });
    case 'setNotes':
      return updateItem(file, edit.itemId, (item) => ({ ...item, notes: edit.notes }));
    case 'setTitle':
      return updateItem(file, edit.itemId, (item) => ({ ...item, title: edit.title.trim() }));
    case 'setIntro':
      // A pack item made before files remembered the pack's intro remembers it now, before it is
      // reworded, so the English edition keeps showing the municipality's own words (english.ts).
      return updateItem(file, edit.itemId, (item) => ({ ...item, ...(item.origin === 'pack' && item.packIntro === undefined ? { packIntro: item.intro } : {}), intro: edit.intro }));
    case 'setWeight':
      return updateItem(file, edit.itemId, (item) => ({ ...item, weight: edit.weight }));
    case 'answerQuestion':
      return updateItem(file, edit.itemId, (item) => updateQuestion(item, edit.questionId, (q) => ({ ...q, answer: edit.answer })));
    case 'editQuestion':
      return updateItem(file, edit.itemId, (item) => updateQuestion(item, edit.questionId, (q) => ({ ...q, text: edit.text.trim() })));
    case 'addQuestion':
      return updateItem(file, edit.itemId, (item) => ({
        ...item,
        questions: [...item.questions, { id: `custom-${env.newId()}`, origin: 'custom', text: edit.text.trim(), answer: '' }],
      }));
    case 'removeQuestion':
      return updateItem(file, edit.itemId, (item) => {
        updateQuestion(item, edit.questionId, (q) => q);
        return { ...item, questions: item.questions.filter((q) => q.id !== edit.questionId) };
      });
    case 'addItem':
      return addItem(file, edit, env);
    case 'removeItem':
      return removeItem(file, edit.itemId);
    case 'moveItem':
      return moveItem(file, edit.itemId, edit.toIndex);
    case 'addEvidence':
      return updateItem(file, edit.itemId, (item) => ({
        ...item,
        evidence: [...item.evidence, { id: `ev-${env.newId()}`, label: edit.label.trim(), target: edit.target.trim() }],
      }));
    case 'removeEvidence':
      return updateItem(file, edit.itemId, (item) => {
        if (!item.evidence.some((e) => e.id === edit.evidenceId)) throw new EditError(`item "${item.id}" has no evidence link "${edit.evidenceId}"`);
        return { ...item, evidence: item.evidence.filter((e) => e.id !== edit.evidenceId) };
      });
    case 'setSteeringDecision':
      return updateItem(file, edit.itemId, ({ steeringDecision: _old, ...item }) => (edit.flag === null ? item : { ...item, steeringDecision: edit.flag }));
    case 'setSteering':
      return { ...file, steering: edit.steering };
  }
}

function addItem(file: MunicipalityFile, edit: Extract<ChecklistEdit, { type: 'addItem' }>, env: Environment): MunicipalityFile {
  if (!file.framework.drivers.some((d) => d.id === edit.driverId)) throw new EditError(`unknown driver "${edit.driverId}"`);
  if (edit.phaseId !== undefined && !file.framework.phases.some((p) => p.id === edit.phaseId)) throw new EditError(`unknown phase "${edit.phaseId}"`);
  const item: ChecklistItem = {
    id: `custom-${env.newId()}`,
    kind: 'milestone',
    origin: 'custom',
    title: edit.title.trim(),
    intro: '',
    driverId: edit.driverId,
    ...(edit.phaseId === undefined ? {} : { phaseId: edit.phaseId }),
    focusAreaIds: [],
    dependsOn: [],
    weight: 1,
    status: 'not_started',
    owner: '',
    notes: '',
    questions: [],
    evidence: [],
  };
  const items = [...file.items];
  let at = -1;
  if (edit.afterItemId !== undefined) at = items.findIndex((i) => i.id === edit.afterItemId);
  if (at < 0) {
    // Without an anchor, a new milestone goes after the last milestone of its driver.
    at = items.findLastIndex((i) => i.driverId === edit.driverId);
  }
  items.splice(at < 0 ? items.length : at + 1, 0, item);
  return { ...file, items };
}

function removeItem(file: MunicipalityFile, id: string): MunicipalityFile {
  const item = findItem(file, id);
  return {
    ...file,
    items: file.items.filter((i) => i.id !== id).map((i) => (i.dependsOn.includes(id) ? { ...i, dependsOn: i.dependsOn.filter((d) => d !== id) } : i)),
    removedPackItemIds: item.origin === 'pack' ? [...file.removedPackItemIds, id] : file.removedPackItemIds,
  };
}

function moveItem(file: MunicipalityFile, id: string, toIndex: number): MunicipalityFile {
  const from = file.items.findIndex((i) => i.id === id);
  if (from < 0) throw new EditError(`there is no checklist item "${id}"`);
  const items = [...file.items];
  const [moved] = items.splice(from, 1);
  if (moved === undefined) return file;
  items.splice(Math.min(toIndex, items.length), 0, moved);
  return { ...file, items };
}
