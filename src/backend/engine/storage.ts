import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs';
import type { StorageKey } from '@automerge/automerge-repo';

/**
 * automerge-repo's file-system adapter with one change: a chunk is written to a temporary file,
 * flushed and renamed into place, so a crash never leaves half a chunk that would stop the
 * document from loading. The layout stays the adapter's own, so other tools can read the folder.
 */
export class AtomicFsStorage extends NodeFSStorageAdapter {
  private readonly tempDir: string;
  private sequence = 0;
  /** The adapter's in-memory copy of chunks, kept in step with what is on disk. */
  private get adapterCache(): Record<string, Uint8Array> {
    return (this as unknown as { cache: Record<string, Uint8Array> }).cache;
  }

  /** Folders known to exist: a change writes one small chunk, and two mkdir calls per chunk showed in its time. */
  private readonly madeFolders = new Set<string>();
  /** Told the name of every chunk written, so a folder watcher can skip this app's own chunks. */
  onSaved: (name: string) => void = () => undefined;

  constructor(readonly folder: string) {
    super(folder);
    // Outside every document's folder, so a leftover temporary file is never read as a chunk.
    this.tempDir = path.join(folder, '.tmp');
  }

  override async save(keyArray: StorageKey, binary: Uint8Array): Promise<void> {
    this.adapterCache[path.join(...keyArray)] = binary;
    try {
      await this.writeChunk(keyArray, binary);
    } catch (error) {
      // A folder remembered as made can be gone (a quarantined document was moved aside): make it again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.madeFolders.clear();
      await this.writeChunk(keyArray, binary);
    }
  }

  private async writeChunk(keyArray: StorageKey, binary: Uint8Array): Promise<void> {
    const target = this.chunkPath(keyArray);
    await this.ensureFolder(path.dirname(target));
    await this.ensureFolder(this.tempDir);
    const temp = path.join(this.tempDir, `${process.pid}-${Date.now()}-${this.sequence++}`);
    const handle = await open(temp, 'w', 0o644);
    try {
      await handle.writeFile(binary);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, target);
      this.onSaved(path.basename(target));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /**
   * A chunk is removed only after automerge-repo compacted it into a snapshot that is already
   * stored, so a removal that has not happened yet (or never happens, after a crash) leaves only
   * redundant data. Compaction removes dozens of chunks one after another; waiting for them put
   * ~20 ms on the change that happened to trigger it.
   */
  override remove(keyArray: StorageKey): Promise<void> {
    delete this.adapterCache[path.join(...keyArray)];
    const removal = rm(this.chunkPath(keyArray), { force: true })
      .catch(() => undefined)
      .finally(() => this.removals.delete(removal));
    this.removals.add(removal);
    return Promise.resolve();
  }

  private readonly removals = new Set<Promise<void>>();

  /** Waits for removals still under way (before the app exits). */
  async settle(): Promise<void> {
    await Promise.all([...this.removals]);
  }

  private async ensureFolder(folder: string): Promise<void> {
    if (this.madeFolders.has(folder)) return;
    await mkdir(folder, { recursive: true });
    this.madeFolders.add(folder);
  }

  chunkPath(keyArray: StorageKey): string {
    const [first = '', ...rest] = keyArray;
    return path.join(this.folder, first.slice(0, 2), first.slice(2), ...rest);
  }

  /** The folder holding one document's chunks. */
  documentFolder(documentId: string): string {
    return path.join(this.folder, documentId.slice(0, 2), documentId.slice(2));
  }
}
