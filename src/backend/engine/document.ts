import * as A from '@automerge/automerge';

/**
 * A municipality as an Automerge document. Every leaf field is one register holding a JSON value
 * with its author, stored as an ImmutableString: nobody co-edits a note character by character,
 * immutable values load about four times faster than collaborative text, and a new field that
 * another part of Milepæl adds to the file round-trips without any code here.
 */
export type Cell = A.ImmutableString;

export interface Stamped {
  v: unknown;
  /** The person who wrote the value ('' for values converted from a JSON file). */
  by: string;
}

export interface EntryDoc {
  fields: Record<string, Cell>;
}

export interface ItemDoc extends EntryDoc {
  questions: Record<string, EntryDoc>;
  questionOrder: A.ImmutableString[];
  evidence: Record<string, EntryDoc>;
  evidenceOrder: A.ImmutableString[];
}

export interface MunicipalityDoc {
  /** The layout of this document, raised when it changes. */
  format: number;
  /** For access control on a server: which municipality this document is. */
  municipalityId: A.ImmutableString;
  /** Raised by one on every change; concurrent changes add up. */
  revision: A.Counter;
  /** Top-level fields of the file other than the ones below (name, pack, framework, new fields…). */
  fields: Record<string, Cell>;
  items: Record<string, ItemDoc>;
  itemOrder: A.ImmutableString[];
  removedPackItemIds: Record<string, boolean>;
  assessment: {
    fields: Record<string, Cell>;
    /** Whole assessment rounds as immutable JSON values: nobody edits a recorded round. */
    rounds: A.ImmutableString[];
  };
  conferences: {
    fields: Record<string, Cell>;
    targets: Record<string, Cell>;
    /**
     * "month|caseType|writer-key" → a counter, summed per month and case type. Flat on purpose: two
     * writers creating the first count of a month at once would otherwise create two maps under one
     * key, and the engine would keep only one of them (and lose the other's count).
     */
    tally: Record<string, A.Counter>;
  };
}

export const DOCUMENT_FORMAT = 1;

export function stamp(value: unknown, by: string): Cell {
  return new A.ImmutableString(JSON.stringify({ v: value, by }));
}

export function unstamp(cell: unknown): Stamped {
  try {
    const parsed = JSON.parse(String(cell)) as Partial<Stamped>;
    return { v: parsed.v, by: typeof parsed.by === 'string' ? parsed.by : '' };
  } catch {
    return { v: undefined, by: '' };
  }
}

/** JSON with sorted keys, to compare values regardless of key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Ids in list order, each once: concurrent moves can leave an id in two places. */
export function orderedIds(order: readonly unknown[], present: Iterable<string>): string[] {
  const exists = new Set(present);
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const entry of order) {
    const id = String(entry);
    if (exists.has(id) && !seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  for (const id of [...exists].sort()) if (!seen.has(id)) ids.push(id);
  return ids;
}
