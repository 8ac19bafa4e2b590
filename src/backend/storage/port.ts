import type { Problem } from '../../core/schema/common';
import type { MunicipalityFile } from '../../core/schema/municipality';

/** What happened when a damaged file was opened: it was moved aside and a backup restored. */
export interface Recovery {
  /** Where the damaged file was moved to (never overwritten, never deleted). */
  quarantinedAs: string;
  /** The backup that was restored, or null when there was none that validated. */
  restoredFrom: string | null;
  problems: Problem[];
}

export interface StoredMunicipality {
  file: MunicipalityFile;
  recovery?: Recovery;
  /** Schema versions the file was migrated from on this read (already saved, with a backup). */
  migratedFrom: number[];
}

export interface TrashEntry {
  id: string;
  name: string;
  deletedAt: string;
}

export interface IndexEntry {
  id: string;
  /** File size and modification time when the summary was made; a mismatch means re-read. */
  size: number;
  mtimeMs: number;
  /** The day the summary was made; overdue counts change with the date, not only with the file. */
  day: string;
  summary: unknown;
  /** The file's portfolio row (src/backend/summary-cache.ts); absent in an index written before it. */
  portfolio?: unknown;
}

/** The port the use cases need from a workspace; the filesystem adapter implements it. */
export interface WorkspaceStorage {
  readonly location: string;
  listIds(): Promise<string[]>;
  /** Reads, migrates and validates; a damaged file is quarantined and the newest valid backup restored. */
  read(id: string): Promise<StoredMunicipality>;
  /** Writes a new municipality; fails if the id exists. */
  create(file: MunicipalityFile): Promise<MunicipalityFile>;
  /** Saves over the file if its revision on disk is `baseRevision`; returns the file as saved. */
  write(file: MunicipalityFile, baseRevision: number): Promise<MunicipalityFile>;
  /**
   * Reads the file, refuses with a conflict unless its revision is `baseRevision`, applies `change`
   * and saves — all while no other save of that file can run. The one place revisions are checked.
   */
  update(id: string, baseRevision: number, change: (current: MunicipalityFile) => MunicipalityFile): Promise<MunicipalityFile>;
  stat(id: string): Promise<{ size: number; mtimeMs: number } | null>;
  moveToTrash(id: string): Promise<void>;
  restoreFromTrash(id: string): Promise<void>;
  listTrash(): Promise<TrashEntry[]>;
  listBackups(id: string): Promise<string[]>;
  readIndex(): Promise<IndexEntry[]>;
  writeIndex(entries: IndexEntry[]): Promise<void>;
}
