import type { ChecklistItem, MunicipalityFile } from '../schema/municipality';

/** The fields a person sees on a checklist item; what an import would change among them. */
export const COMPARED_FIELDS = ['title', 'status', 'owner', 'dueDate', 'notes', 'answers', 'evidence'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldChange {
  field: ComparedField;
  /** Short readable values; long texts are cut so the list stays a list. */
  from: string;
  to: string;
}

export interface ItemDifference {
  itemId: string;
  title: string;
  kind: 'changed' | 'added' | 'removed';
  changes: FieldChange[];
}

export interface MunicipalityDifference {
  name: { from: string; to: string } | null;
  items: ItemDifference[];
  rounds: { from: number; to: number };
  /** The conference targets and monthly counts differ. */
  conferences: boolean;
  /** Which copy was saved last, by its own clock: a hint, since PCs' clocks differ. */
  newer: 'current' | 'incoming' | 'same';
  /** True when nothing a person would notice differs. */
  identical: boolean;
}

const SHORT = 80;
const short = (text: string) => (text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text);
const answered = (item: ChecklistItem) => item.questions.filter((q) => q.answer.trim() !== '').length;

function fieldValue(item: ChecklistItem, field: ComparedField): string {
  switch (field) {
    case 'title':
      return item.title;
    case 'status':
      return item.status;
    case 'owner':
      return item.owner;
    case 'dueDate':
      return item.dueDate ?? '';
    case 'notes':
      return item.notes;
    case 'answers':
      return item.questions.map((q) => `${q.id}\u0000${q.answer}`).join('\u0001');
    case 'evidence':
      return item.evidence.map((e) => `${e.label}\u0000${e.target}`).join('\u0001');
  }
}

function shownValue(item: ChecklistItem, field: ComparedField): string {
  if (field === 'answers') return String(answered(item));
  if (field === 'evidence') return String(item.evidence.length);
  return short(fieldValue(item, field));
}

function compareItem(current: ChecklistItem, incoming: ChecklistItem): FieldChange[] {
  return COMPARED_FIELDS.filter((field) => fieldValue(current, field) !== fieldValue(incoming, field)).map((field) => ({
    field,
    from: shownValue(current, field),
    to: shownValue(incoming, field),
  }));
}

/**
 * What replacing `current` with `incoming` would change, item by item: the consultant ↔ municipality
 * exchange sends the same municipality back and forth, and the person importing must see what an
 * update would overwrite before choosing it.
 */
export function compareMunicipalities(current: MunicipalityFile, incoming: MunicipalityFile): MunicipalityDifference {
  const incomingById = new Map(incoming.items.map((item) => [item.id, item]));
  const currentIds = new Set(current.items.map((item) => item.id));
  const items: ItemDifference[] = [];
  for (const item of current.items) {
    const other = incomingById.get(item.id);
    if (!other) {
      items.push({ itemId: item.id, title: item.title, kind: 'removed', changes: [] });
      continue;
    }
    const changes = compareItem(item, other);
    if (changes.length > 0) items.push({ itemId: item.id, title: other.title, kind: 'changed', changes });
  }
  for (const item of incoming.items) {
    if (!currentIds.has(item.id)) items.push({ itemId: item.id, title: item.title, kind: 'added', changes: [] });
  }
  const rounds = { from: current.assessment.snapshots.length, to: incoming.assessment.snapshots.length };
  const name = current.name === incoming.name ? null : { from: current.name, to: incoming.name };
  const conferences = JSON.stringify(current.conferences) !== JSON.stringify(incoming.conferences);
  const newer = current.updatedAt === incoming.updatedAt ? 'same' : current.updatedAt > incoming.updatedAt ? 'current' : 'incoming';
  return { name, items, rounds, conferences, newer, identical: name === null && items.length === 0 && rounds.from === rounds.to && !conferences };
}
