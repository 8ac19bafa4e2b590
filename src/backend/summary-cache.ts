import { municipalitySummarySchema, summarizeMunicipality, type MunicipalitySummary } from '../core/checklist/summary';
import { portfolioRow, portfolioRowSchema } from '../core/portfolio';
import type { Pack } from '../core/schema/pack';
import { z } from 'zod';
import type { IndexEntry, WorkspaceStorage } from './storage/port';
import { BackendError } from './errors';

/** What the start screen and the portfolio need from one municipality file. */
export interface FileSummaries {
  id: string;
  summary: MunicipalitySummary;
  /** The file's row for its own method pack; null when that pack is not installed. */
  portfolio: CachedRow | null;
}

const cachedRowSchema = z.object({ packId: z.string(), packVersion: z.string(), row: portfolioRowSchema });
type CachedRow = z.infer<typeof cachedRowSchema>;

/** Stats files a few at a time: one by one is slow on a network drive, all at once exhausts handles. */
const STAT_BATCH = 32;

/**
 * Summaries of every municipality file, kept in the workspace's index (index.json) by file size,
 * modification time and day, so a call reads and validates only the files that changed. The start
 * screen and the portfolio share it: both used to re-read every file.
 */
export class SummaryCache {
  constructor(
    private readonly storage: WorkspaceStorage,
    private readonly packs: readonly Pack[],
  ) {}

  /** The entries of the last call, so repeated calls only stat the files (no index to parse). */
  private last = new Map<string, IndexEntry>();
  /** Files left out of the last list because a newer Milepæl wrote them: listed apart, never touched. */
  private newer = new Map<string, string>();

  /** Whether `read` has run: the start screen lists first, so the unavailable files are already known. */
  get hasRead(): boolean {
    return this.readOnce;
  }
  private readOnce = false;

  get unavailable(): Array<{ id: string; message: string }> {
    return [...this.newer].map(([id, message]) => ({ id, message }));
  }

  async read(today: string): Promise<FileSummaries[]> {
    const ids = await this.storage.listIds();
    const stats: ({ size: number; mtimeMs: number } | null)[] = [];
    for (let i = 0; i < ids.length; i += STAT_BATCH) stats.push(...(await Promise.all(ids.slice(i, i + STAT_BATCH).map((id) => this.storage.stat(id)))));

    const entries: IndexEntry[] = [];
    const result: FileSummaries[] = [];
    let index: Map<string, IndexEntry> | null = null;
    let changed = false;
    const unavailable = new Map<string, string>();
    for (const [n, id] of ids.entries()) {
      const stat = stats[n];
      if (!stat) continue;
      const remembered = this.last.get(id);
      if (remembered && remembered.size === stat.size && remembered.mtimeMs === stat.mtimeMs && remembered.day === today) {
        entries.push(remembered);
        result.push({ id, summary: remembered.summary as MunicipalitySummary, portfolio: (remembered.portfolio ?? null) as CachedRow | null });
        continue;
      }
      index ??= new Map((await this.storage.readIndex()).map((e) => [e.id, e]));
      let found = this.fromIndex(index.get(id), stat, today);
      let seen = stat;
      if (!found) {
        changed = true;
        try {
          const { file } = await this.storage.read(id);
          const pack = this.packs.find((p) => p.id === file.pack.id);
          found = {
            id,
            summary: summarizeMunicipality(file, today),
            portfolio: pack ? { packId: pack.id, packVersion: pack.version, row: portfolioRow(pack, file, today) } : null,
          };
        } catch (error) {
          // A file from a newer Milepæl is listed apart; any other is reported when the user opens it.
          if (error instanceof BackendError && error.code === 'newer_version') unavailable.set(id, error.message);
          continue;
        }
        // Reading may have migrated or restored the file; remember what is on disk now.
        seen = (await this.storage.stat(id)) ?? stat;
      }
      entries.push({ id, size: seen.size, mtimeMs: seen.mtimeMs, day: today, summary: found.summary, portfolio: found.portfolio });
      result.push(found);
    }
    // The index on disk is rewritten when a file changed, appeared or went away since it was written.
    if (changed || (index !== null && entries.length !== index.size) || (index === null && entries.length !== this.last.size)) await this.storage.writeIndex(entries);
    this.last = new Map(entries.map((e) => [e.id, e]));
    this.newer = unavailable;
    this.readOnce = true;
    return result;
  }

  /** The cached summaries when the file, the day and the installed pack are the ones they were made from. */
  private fromIndex(entry: IndexEntry | undefined, stat: { size: number; mtimeMs: number }, today: string): FileSummaries | null {
    if (!entry || entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs || entry.day !== today) return null;
    const summary = municipalitySummarySchema.safeParse(entry.summary);
    if (!summary.success) return null;
    const pack = this.packs.find((p) => p.id === summary.data.pack.id);
    if (!pack) return { id: entry.id, summary: summary.data, portfolio: null };
    const cached = cachedRowSchema.safeParse(entry.portfolio);
    if (!cached.success || cached.data.packId !== pack.id || cached.data.packVersion !== pack.version) return null;
    return { id: entry.id, summary: summary.data, portfolio: cached.data };
  }
}

