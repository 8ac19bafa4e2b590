import { BackendError } from '../../src/backend/errors';
import type { IndexEntry, StoredMunicipality, TrashEntry, WorkspaceStorage } from '../../src/backend/storage/port';
import type { MunicipalityFile } from '../../src/core/schema/municipality';

/** The storage port in memory: the api layer tested without a disk, with the same revision rules. */
export class MemoryStorage implements WorkspaceStorage {
  readonly location = 'memory';
  readonly files = new Map<string, MunicipalityFile>();
  private readonly trash = new Map<string, { file: MunicipalityFile; entry: TrashEntry }>();
  private index: IndexEntry[] = [];

  constructor(private readonly now: () => Date) {}

  private find(id: string): MunicipalityFile {
    const file = this.files.get(id);
    if (!file) throw new BackendError('not_found', `the municipality "${id}" does not exist in this workspace`);
    return structuredClone(file);
  }

  listIds(): Promise<string[]> {
    return Promise.resolve([...this.files.keys()].sort());
  }
  read(id: string): Promise<StoredMunicipality> {
    return Promise.resolve().then(() => ({ file: this.find(id), migratedFrom: [] }));
  }
  create(file: MunicipalityFile): Promise<MunicipalityFile> {
    if (this.files.has(file.id)) return Promise.reject(new BackendError('conflict', `a municipality with id "${file.id}" already exists`));
    this.files.set(file.id, structuredClone(file));
    return Promise.resolve(file);
  }
  write(file: MunicipalityFile, baseRevision: number): Promise<MunicipalityFile> {
    return this.update(file.id, baseRevision, () => file);
  }
  update(id: string, baseRevision: number, change: (current: MunicipalityFile) => MunicipalityFile): Promise<MunicipalityFile> {
    return Promise.resolve().then(() => {
      const current = this.find(id);
      if (current.revision !== baseRevision) throw new BackendError('conflict', `changed elsewhere: revision ${current.revision}, not ${baseRevision}`);
      const saved = { ...change(current), revision: baseRevision + 1, updatedAt: this.now().toISOString() };
      this.files.set(id, structuredClone(saved));
      return saved;
    });
  }
  stat(id: string): Promise<{ size: number; mtimeMs: number } | null> {
    const file = this.files.get(id);
    return Promise.resolve(file ? { size: JSON.stringify(file).length, mtimeMs: file.revision } : null);
  }
  moveToTrash(id: string): Promise<void> {
    return Promise.resolve().then(() => {
      const file = this.find(id);
      this.files.delete(id);
      this.trash.set(id, { file, entry: { id, name: file.name, deletedAt: this.now().toISOString() } });
    });
  }
  restoreFromTrash(id: string): Promise<void> {
    return Promise.resolve().then(() => {
      const kept = this.trash.get(id);
      if (!kept) throw new BackendError('not_found', `"${id}" is not in the trash`);
      if (this.files.has(id)) throw new BackendError('conflict', `a municipality with id "${id}" is already in the workspace`);
      this.files.set(id, kept.file);
      this.trash.delete(id);
    });
  }
  listTrash(): Promise<TrashEntry[]> {
    return Promise.resolve([...this.trash.values()].map((t) => t.entry));
  }
  listBackups(): Promise<string[]> {
    return Promise.resolve([]);
  }
  readIndex(): Promise<IndexEntry[]> {
    return Promise.resolve(this.index);
  }
  writeIndex(entries: IndexEntry[]): Promise<void> {
    this.index = entries;
    return Promise.resolve();
  }
}
