import type { Status } from '../schema/common';
import type { ChecklistItem } from '../schema/municipality';
import { isOverdue } from './summary';

/** Owner filter: everyone, items nobody owns yet, or one owner's items (compared without case or outer spaces). */
export type OwnerFilter = { kind: 'all' } | { kind: 'none' } | { kind: 'person'; name: string };

export interface ChecklistFilter {
  search: string;
  status: Status | 'all';
  owner: OwnerFilter;
  lateOnly: boolean;
}

export const NO_FILTER: ChecklistFilter = { search: '', status: 'all', owner: { kind: 'all' }, lateOnly: false };

export function isFiltering(filter: ChecklistFilter): boolean {
  return filter.search.trim() !== '' || filter.status !== 'all' || filter.owner.kind !== 'all' || filter.lateOnly;
}

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('da');
const ownerKey = (owner: string) => fold(owner.trim());

/** The texts a search looks in: what a person wrote or reads on the item. */
function searchable(item: ChecklistItem): string[] {
  return [item.title, item.intro, item.owner, item.notes, ...item.questions.flatMap((q) => [q.text, q.answer]), ...item.evidence.map((e) => e.label)];
}

/** Every word of the search must appear somewhere on the item, in any order. */
function matchesSearch(item: ChecklistItem, search: string): boolean {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchable(item).map(fold);
  return words.every((word) => haystack.some((text) => text.includes(word)));
}

/** Where on an item a search word was found, other than its title (the title is on screen anyway). */
export type SearchHit = 'intro' | 'owner' | 'notes' | 'questions' | 'answers' | 'evidence';

/**
 * The places, besides the title, where a word of the search appears on the item, in a fixed order;
 * none when the title alone holds every word. A card can then say why it matched when the words
 * are hidden in its closed details.
 */
export function searchHits(item: ChecklistItem, search: string): SearchHit[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.every((word) => fold(item.title).includes(word))) return [];
  const places: Array<[SearchHit, string[]]> = [
    ['intro', [item.intro]],
    ['owner', [item.owner]],
    ['notes', [item.notes]],
    ['questions', item.questions.map((q) => q.text)],
    ['answers', item.questions.map((q) => q.answer)],
    ['evidence', item.evidence.map((e) => e.label)],
  ];
  return places.filter(([, texts]) => texts.some((text) => words.some((word) => fold(text).includes(word)))).map(([hit]) => hit);
}

export function matchesFilter(item: ChecklistItem, filter: ChecklistFilter, today: string): boolean {
  if (filter.status !== 'all' && item.status !== filter.status) return false;
  if (filter.lateOnly && !isOverdue(item, today)) return false;
  if (filter.owner.kind === 'none' && item.owner.trim() !== '') return false;
  if (filter.owner.kind === 'person' && ownerKey(item.owner) !== ownerKey(filter.owner.name)) return false;
  return matchesSearch(item, filter.search);
}

/** The distinct owners, as first written, sorted for a drop-down. */
export function ownersOf(items: readonly ChecklistItem[]): string[] {
  const byKey = new Map<string, string>();
  for (const item of items) {
    const key = ownerKey(item.owner);
    if (key !== '' && !byKey.has(key)) byKey.set(key, item.owner.trim());
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'da'));
}
