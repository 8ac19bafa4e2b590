import * as A from '@automerge/automerge';
import { stamp, unstamp, type Cell } from './document';
import { SEED_ACTOR } from './ids';

/** The municipalities of a workspace: names for listing and trash, nothing else. */
export interface DirectoryDoc {
  municipalities: Record<string, { name: Cell; deletedAt: Cell }>;
}

export interface DirectoryEntry {
  id: string;
  name: string;
  deletedAt: string | null;
}

/** The same first change in every app, so independently made directories are one document. */
export function seedDirectory(): A.Doc<DirectoryDoc> {
  return A.change(A.init<DirectoryDoc>({ actor: SEED_ACTOR }), { time: 0 }, (d) => {
    d.municipalities = {};
  });
}

export function directoryEntries(doc: DirectoryDoc): DirectoryEntry[] {
  return Object.entries(doc.municipalities ?? {}).map(([id, entry]) => {
    const deletedAt = unstamp(entry.deletedAt).v;
    return { id, name: String(unstamp(entry.name).v ?? id), deletedAt: typeof deletedAt === 'string' ? deletedAt : null };
  });
}

export function setEntry(d: DirectoryDoc, id: string, name: string, deletedAt: string | null, by: string): void {
  const existing = d.municipalities[id];
  if (existing === undefined) d.municipalities[id] = { name: stamp(name, by), deletedAt: stamp(deletedAt, by) };
  else {
    if (unstamp(existing.name).v !== name) existing.name = stamp(name, by);
    if (unstamp(existing.deletedAt).v !== deletedAt) existing.deletedAt = stamp(deletedAt, by);
  }
}
