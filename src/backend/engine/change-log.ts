import * as A from '@automerge/automerge';
import { z } from 'zod';
import type { ChangedField } from './mapping';
import type { MunicipalityDoc } from './document';

/** One stored change: who, when, and which fields. */
export interface LogEntry {
  at: string;
  by: string;
  what: ChangedField[];
}

const messageSchema = z.object({
  by: z.string().max(200).catch(''),
  what: z
    .array(
      z.object({
        field: z.string().max(200),
        item: z.string().max(200).optional(),
        question: z.string().max(200).optional(),
        evidence: z.string().max(200).optional(),
        value: z.unknown().optional(),
      }),
    )
    .max(1000)
    .catch([]),
});

export function changeMessage(by: string, what: ChangedField[]): string {
  return JSON.stringify({ by, what });
}

/**
 * The change log of a document, oldest first, read from the changes' own messages and times
 * (messages come from other apps too, so they are parsed, never trusted).
 */
export function readChangeLog(doc: A.Doc<MunicipalityDoc>, createdAt?: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const bytes of A.getAllChanges(doc)) {
    const change = A.decodeChange(bytes);
    let parsed: z.infer<typeof messageSchema>;
    try {
      parsed = messageSchema.parse(JSON.parse(change.message ?? '{}'));
    } catch {
      parsed = { by: '', what: [] };
    }
    if (parsed.what.length === 0) continue;
    const at = change.time > 0 ? new Date(change.time * 1000).toISOString() : (createdAt ?? new Date(0).toISOString());
    entries.push({ at, by: parsed.by, what: parsed.what as ChangedField[] });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

export interface LogFilter {
  by?: string;
  itemId?: string;
  from?: string;
  to?: string;
}

/** Entries of one person, one milestone and/or a period (dates YYYY-MM-DD, both ends included). */
export function filterLog(entries: readonly LogEntry[], filter: LogFilter): LogEntry[] {
  return entries
    .filter((e) => filter.by === undefined || e.by === filter.by)
    .filter((e) => filter.from === undefined || e.at.slice(0, 10) >= filter.from)
    .filter((e) => filter.to === undefined || e.at.slice(0, 10) <= filter.to)
    .map((e) => (filter.itemId === undefined ? e : { ...e, what: e.what.filter((w) => w.item === filter.itemId) }))
    .filter((e) => e.what.length > 0);
}
