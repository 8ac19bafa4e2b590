import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';

const CHUNK_NAME = /^[0-9a-f]{64}$/;
const KINDS = ['snapshot', 'incremental'] as const;

interface Watched {
  folder: string;
  known: Set<string>;
  onChunks: (chunks: Uint8Array[]) => void;
}

/**
 * Finds chunks that other apps wrote into a shared folder and hands them to the document.
 * Polling, not file events: network drives and synced folders often send none. A chunk whose
 * name a sync client changed (e.g. "…-PCNAME") is merged like any other, then moved aside.
 */
export class FolderWatcher {
  private readonly watched = new Map<string, Watched>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private running = false;
  /** Chunks this app wrote itself: never read back. */
  readonly ownChunks = new Set<string>();

  constructor(
    private readonly tidyFolder: string,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  async track(documentId: string, folder: string, onChunks: (chunks: Uint8Array[]) => void, known?: Set<string>): Promise<void> {
    if (this.watched.has(documentId)) return;
    this.watched.set(documentId, { folder, known: known ?? new Set(await listChunks(folder)), onChunks });
    this.timer ??= setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref?.();
  }

  untrack(documentId: string): void {
    this.watched.delete(documentId);
  }

  /** Looks once at every watched folder; also called by tests and the CLI. */
  async poll(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const watched of this.watched.values()) {
        const names = await listChunks(watched.folder);
        const fresh = names.filter((n) => !watched.known.has(n) && !this.ownChunks.has(path.basename(n)));
        names.forEach((n) => watched.known.add(n));
        if (fresh.length === 0) continue;
        const chunks: Uint8Array[] = [];
        for (const name of fresh) {
          const bytes = await readFile(path.join(watched.folder, name)).catch(() => null);
          if (bytes !== null) chunks.push(new Uint8Array(bytes));
        }
        try {
          if (chunks.length > 0) watched.onChunks(chunks);
        } catch (error) {
          this.onError(error);
          continue;
        }
        for (const name of fresh.filter((n) => !CHUNK_NAME.test(path.basename(n)))) await this.tidy(watched.folder, name);
      }
    } catch (error) {
      this.onError(error);
    } finally {
      this.running = false;
    }
  }

  private async tidy(folder: string, name: string): Promise<void> {
    await mkdir(this.tidyFolder, { recursive: true });
    await rename(path.join(folder, name), path.join(this.tidyFolder, `${Date.now()}-${name.replace(/[\\/]/g, '_')}`)).catch(() => undefined);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watched.clear();
  }
}

/** Chunk files of one document, as "kind/name". */
export async function listChunks(folder: string): Promise<string[]> {
  const names: string[] = [];
  for (const kind of KINDS) {
    try {
      for (const name of await readdir(path.join(folder, kind))) if (!name.startsWith('.')) names.push(`${kind}/${name}`);
    } catch {
      // No chunks of that kind yet.
    }
  }
  return names;
}
