import * as A from '@automerge/automerge';
import { unstamp, type EntryDoc, type MunicipalityDoc } from './document';
import { EVALUATION_PREFIX } from './evaluation-mapping';

/** A field two people changed at the same moment: the kept value and the other one(s). */
export interface FieldConflict {
  field: string;
  itemId?: string;
  questionId?: string;
  value: unknown;
  by: string;
  others: { value: unknown; by: string }[];
}

/** Bookkeeping the engine writes with every change; two of them at once is no news to anyone. */
const BOOKKEEPING = new Set(['updatedAt', 'statusChangedAt', 'reviewedAt']);

function conflictsIn(entry: EntryDoc, where: { itemId?: string; questionId?: string }, out: FieldConflict[], only?: string): void {
  for (const field of only === undefined ? Object.keys(entry.fields) : [only]) {
    if (!(field in entry.fields)) continue;
    // Evaluation figures per month have no field on screen to show a second value beside.
    if (BOOKKEEPING.has(field) || field.startsWith(EVALUATION_PREFIX)) continue;
    const all = A.getConflicts(entry.fields, field);
    if (all === undefined) continue;
    const values = Object.values(all);
    if (values.length < 2) continue;
    const winnerText = String(entry.fields[field]);
    const winner = unstamp(winnerText);
    let skipped = false;
    const others = values
      .map(String)
      .filter((text) => {
        if (!skipped && text === winnerText) {
          skipped = true;
          return false;
        }
        return true;
      })
      .map(unstamp)
      .map((s) => ({ value: s.v, by: s.by }));
    out.push({ ...where, field, value: winner.v, by: winner.by, others });
  }
}

/**
 * The same conflicts looked up again one field at a time, after a change made on top of the
 * document's current version: such a change can settle a conflict but never create one, so only
 * the fields that were in conflict need a look (walking every field costs ~30 ms on a large file).
 */
export function recheckConflicts(doc: MunicipalityDoc, previous: readonly FieldConflict[]): FieldConflict[] {
  const out: FieldConflict[] = [];
  for (const conflict of previous) {
    const item = conflict.itemId === undefined ? undefined : doc.items[conflict.itemId];
    const entry = conflict.itemId === undefined ? doc : conflict.questionId === undefined ? item : item?.questions[conflict.questionId];
    if (entry === undefined) continue;
    conflictsIn(entry, { ...(conflict.itemId === undefined ? {} : { itemId: conflict.itemId }), ...(conflict.questionId === undefined ? {} : { questionId: conflict.questionId }) }, out, conflict.field);
  }
  return out;
}

/** Every field of the document that holds concurrent values; the engine's winner is what the file shows. */
export function conflictsOf(doc: MunicipalityDoc): FieldConflict[] {
  const out: FieldConflict[] = [];
  conflictsIn(doc, {}, out);
  for (const [itemId, item] of Object.entries(doc.items)) {
    conflictsIn(item, { itemId }, out);
    for (const [questionId, question] of Object.entries(item.questions)) conflictsIn(question, { itemId, questionId }, out);
  }
  return out;
}
