import { copyFile, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import * as A from '@automerge/automerge';
import { encodeHeads, Repo, type DocHandle, type DocumentId, type NetworkAdapterInterface, type SharePolicy } from '@automerge/automerge-repo';
import type { Environment } from '../../core/checklist/create';
import { applyEdit, EditError, type ChecklistEdit } from '../../core/checklist/edits';
import { municipalityFileSchema, type MunicipalityFile } from '../../core/schema/municipality';
import { migrate } from '../../core/schema/migrations';
import { parseMunicipalityJson } from '../../core/schema/validate-municipality';
import { BackendError } from '../errors';
import { FsWorkspace } from '../storage/fs-workspace';
import { backupName } from '../storage/backup-rotation';
import type { IndexEntry, Recovery, StoredMunicipality, TrashEntry, WorkspaceStorage } from '../storage/port';
import { changeMessage, filterLog, readChangeLog, type LogEntry, type LogFilter } from './change-log';
import { conflictsOf, recheckConflicts, type FieldConflict } from './conflicts';
import { directoryEntries, seedDirectory, setEntry, type DirectoryDoc, type DirectoryEntry } from './directory';
import { readDirectoryCache, writeDirectoryCache } from './directory-cache';
import { canonical, stamp, unstamp, type MunicipalityDoc } from './document';
import { directoryDocumentId, municipalityDocumentId } from './ids';
import { documentToFile, patchDocument, seedDocument, settleField, type FieldRef } from './mapping';
import { AtomicFsStorage } from './storage';
import { FolderWatcher, listChunks } from './watcher';

export interface EngineOptions {
  location: string;
  env: Environment;
  /** Network adapters (the team server's connection); none for the alone and shared-folder modes. */
  network?: NetworkAdapterInterface[];
  sharePolicy?: SharePolicy;
  /** Look for other apps' changes in the folder (shared-folder mode). */
  watchFolder?: boolean;
  pollMs?: number;
  /** The JSON copy of a municipality is written this long after its last change. */
  mirrorDelayMs?: number;
  warn?: (message: string) => void;
  /** How the workspace is shared, as the settings and start screen show it. */
  mode?: SharingMode;
  /** A Repo made elsewhere (the team server's), so the service reads what that Repo stores. */
  repo?: Repo;
}

/** What the UI shows of an open municipality: the file, the version it is, and fields changed at the same moment. */
export interface LiveMunicipality {
  file: MunicipalityFile;
  heads: string[];
  conflicts: FieldConflict[];
}

export type SharingMode = 'alone' | 'folder' | 'server';

export type EngineEvent = { type: 'municipality'; id: string } | { type: 'directory' };

const ENGINE_FOLDER = 'engine';
/** Long enough for the start screen to be listed first, short enough for others' changes to show soon. */
const DIRECTORY_LOAD_DELAY_MS = 1500;
const DIRECTORY_CACHE_DELAY_MS = 2000;

/**
 * The workspace on Automerge: one document per municipality in `<workspace>/engine/`, behind the
 * same storage port as the JSON workspace, plus what only a shared document has (authors,
 * merging, conflicts, a change log, updates pushed from other apps). The JSON files stay as the
 * exchange and backup format: existing ones are converted on first open, and every change is
 * mirrored to `municipalities/<id>.json` with the usual rotating backups.
 */
/**
 * The file a document holds, through the same migrations as a JSON file: a document written by an
 * older Milepæl (schema 4 before the English texts) reads as the current version instead of
 * failing the schema and being set aside. The document itself is left as it is; the steps are
 * pure and idempotent, so reading it again gives the same file.
 */
function readDocument(doc: A.Doc<MunicipalityDoc>): { ok: true; file: MunicipalityFile } | { ok: false; problem: string } {
  const migrated = migrate(documentToFile(doc));
  if (!migrated.ok) return { ok: false, problem: migrated.problems.map((p) => `${p.field}: ${p.message}`).join('; ') };
  const parsed = municipalityFileSchema.safeParse(migrated.value.file);
  if (parsed.success) return { ok: true, file: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, problem: first ? `${first.path.join('.')}: ${first.message}` : 'invalid' };
}

export class EngineWorkspace implements WorkspaceStorage {
  readonly repo: Repo;
  private readonly chunks: AtomicFsStorage;
  private readonly json: FsWorkspace;
  private readonly watcher: FolderWatcher | null;
  /** The directory document once loaded; until then `rememberedEntries` answers for it. */
  private directory: DocHandle<DirectoryDoc> | null = null;
  private directoryLoading: Promise<DocHandle<DirectoryDoc>> | null = null;
  private rememberedEntries: DirectoryEntry[] | null = null;
  private directoryTimer: ReturnType<typeof setTimeout> | null = null;
  private directoryCacheTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly handles = new Map<string, Promise<DocHandle<MunicipalityDoc>>>();
  private readonly materialized = new Map<string, { heads: string; file: MunicipalityFile }>();
  private readonly conflicts = new Map<string, { heads: string; conflicts: FieldConflict[] }>();
  private readonly recoveries = new Map<string, Recovery>();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readonly mirrorTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly mirrorDelayMs: number;
  private readonly warn: (message: string) => void;
  readonly mode: SharingMode;

  private constructor(
    readonly location: string,
    private readonly env: Environment,
    options: EngineOptions,
  ) {
    this.chunks = new AtomicFsStorage(path.join(location, ENGINE_FOLDER));
    this.json = new FsWorkspace(location, env.now);
    this.warn = options.warn ?? ((message) => console.warn(message));
    this.watcher = options.watchFolder === false ? null : new FolderWatcher(path.join(location, 'quarantine', 'sync-copies'), options.pollMs ?? 400, (error) => this.warn(`shared folder: ${String(error)}`));
    if (this.watcher) {
      const own = this.watcher.ownChunks;
      this.chunks.onSaved = (name) => own.add(name);
    }
    this.mirrorDelayMs = options.mirrorDelayMs ?? 1500;
    this.mode = options.mode ?? (options.network && options.network.length > 0 ? 'server' : 'alone');
    this.repo = options.repo ?? new Repo({
      storage: this.chunks,
      network: options.network ?? [],
      ...(options.sharePolicy ? { sharePolicy: options.sharePolicy } : {}),
      // This app's own changes are flushed as they are made (see change()); the Repo's own
      // throttled save then finds nothing left to write instead of writing the chunk a second time.
      // It still stores what arrives from other apps and the team server, 100 ms later.
      saveDebounceRate: 100,
    });
  }

  static async open(options: EngineOptions): Promise<EngineWorkspace> {
    const engine = new EngineWorkspace(options.location, options.env, options);
    await mkdir(path.join(options.location, ENGINE_FOLDER), { recursive: true });
    await engine.openDirectory();
    await engine.convertJsonFiles();
    return engine;
  }

  // ── events ────────────────────────────────────────────────────────────────

  /** Called on every change of any open municipality (this app's or another's) and of the directory. */
  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  // ── documents ─────────────────────────────────────────────────────────────

  private documentFolder(documentId: DocumentId): string {
    return this.chunks.documentFolder(documentId);
  }

  private directoryCacheFile(): string {
    return path.join(this.location, ENGINE_FOLDER, '.directory.json');
  }

  /**
   * With a directory cache that matches the folder, opening needs no Automerge at all: the list
   * comes from the cache and the document loads a moment later (or as soon as something needs it).
   */
  private async openDirectory(): Promise<void> {
    const remembered = await readDirectoryCache(this.directoryCacheFile(), this.documentFolder(directoryDocumentId()));
    if (remembered === null) {
      await this.directoryDoc();
      this.scheduleDirectoryCache();
      return;
    }
    this.rememberedEntries = remembered;
    this.directoryTimer = setTimeout(() => void this.directoryDoc().catch((error: unknown) => this.warn(`directory: ${String(error)}`)), DIRECTORY_LOAD_DELAY_MS);
    this.directoryTimer.unref?.();
  }

  private directoryDoc(): Promise<DocHandle<DirectoryDoc>> {
    this.directoryLoading ??= this.loadDirectory();
    return this.directoryLoading;
  }

  private async loadDirectory(): Promise<DocHandle<DirectoryDoc>> {
    const id = directoryDocumentId();
    const before = await listChunks(this.documentFolder(id));
    // The first change is the same everywhere, so importing it is safe whether or not it exists.
    const handle = before.length > 0 ? await this.repo.find<DirectoryDoc>(id) : this.repo.import<DirectoryDoc>(A.save(seedDirectory()), { docId: id });
    handle.on('change', () => {
      this.emit({ type: 'directory' });
      this.scheduleDirectoryCache();
    });
    await this.watcher?.track(id, this.documentFolder(id), (chunks) => this.mergeChunks(handle, chunks), new Set(before));
    this.directory = handle;
    // Another app may have changed the directory between the cache and now: tell the screens.
    if (this.rememberedEntries !== null && canonical(this.rememberedEntries) !== canonical(directoryEntries(handle.doc()))) this.emit({ type: 'directory' });
    this.rememberedEntries = null;
    return handle;
  }

  /** Changes the directory and stores the change before returning. */
  private async changeDirectory(change: (d: DirectoryDoc) => void): Promise<void> {
    const directory = await this.directoryDoc();
    directory.change(change);
    await this.repo.flush([directory.documentId]);
  }

  private scheduleDirectoryCache(): void {
    if (this.directoryCacheTimer) clearTimeout(this.directoryCacheTimer);
    this.directoryCacheTimer = setTimeout(() => {
      this.directoryCacheTimer = null;
      void this.saveDirectoryCache();
    }, DIRECTORY_CACHE_DELAY_MS);
    this.directoryCacheTimer.unref?.();
  }

  private async saveDirectoryCache(): Promise<void> {
    await writeDirectoryCache(this.directoryCacheFile(), this.documentFolder(directoryDocumentId())).catch((error: unknown) => this.warn(`directory cache not written: ${String(error)}`));
  }

  private mergeChunks<T>(handle: DocHandle<T>, chunks: Uint8Array[]): void {
    handle.update((doc) => chunks.reduce((d, chunk) => A.loadIncremental(d, chunk), doc));
  }

  private entries(): DirectoryEntry[] {
    return this.directory ? directoryEntries(this.directory.doc()) : (this.rememberedEntries ?? []);
  }

  private handleOf(id: string): Promise<DocHandle<MunicipalityDoc>> {
    let pending = this.handles.get(id);
    if (!pending) {
      pending = this.loadHandle(id);
      this.handles.set(id, pending);
      pending.catch(() => this.handles.delete(id));
    }
    return pending;
  }

  private async loadHandle(id: string): Promise<DocHandle<MunicipalityDoc>> {
    const documentId = municipalityDocumentId(id);
    const folder = this.documentFolder(documentId);
    const before = await listChunks(folder);
    let handle: DocHandle<MunicipalityDoc>;
    if (before.length === 0 && !this.entries().some((e) => e.id === id)) {
      throw new BackendError('not_found', `the municipality "${id}" does not exist in this workspace`);
    }
    try {
      handle = await this.repo.find<MunicipalityDoc>(documentId);
      const doc = handle.doc();
      if (String(doc.municipalityId) !== id) throw new Error('the document does not hold this municipality');
      this.fileOf(id, doc);
    } catch (error) {
      handle = await this.quarantine(id, documentId, error);
    }
    handle.on('change', () => this.emit({ type: 'municipality', id }));
    await this.watcher?.track(documentId, folder, (chunks) => this.mergeChunks(handle, chunks), new Set(before));
    return handle;
  }

  /** A document the engine cannot load is moved aside, never overwritten; the JSON copy takes its place. */
  private async quarantine(id: string, documentId: DocumentId, error: unknown): Promise<DocHandle<MunicipalityDoc>> {
    const quarantinedAs = path.join(this.location, 'quarantine', `engine-${id}.${backupName(this.env.now())}`);
    await mkdir(path.dirname(quarantinedAs), { recursive: true });
    await rename(this.documentFolder(documentId), quarantinedAs).catch(() => undefined);
    const problems = [{ field: '(document)', message: error instanceof Error ? error.message : String(error) }];
    let restored: StoredMunicipality;
    try {
      restored = await this.json.read(id);
    } catch {
      throw new BackendError('invalid_file', `the municipality "${id}" could not be loaded and has no readable JSON copy. The damaged document was moved to ${quarantinedAs}.`, problems);
    }
    this.recoveries.set(id, { quarantinedAs, restoredFrom: `municipalities/${id}.json`, problems });
    await this.repo.removeFromCache(documentId).catch(() => undefined);
    const handle = this.repo.import<MunicipalityDoc>(A.save(seedDocument(restored.file, '')), { docId: documentId });
    await this.repo.flush([documentId]);
    return handle;
  }

  private fileOf(id: string, doc: A.Doc<MunicipalityDoc>): MunicipalityFile {
    const heads = A.getHeads(doc).join(',');
    const cached = this.materialized.get(id);
    if (cached?.heads === heads) return cached.file;
    const parsed = readDocument(doc);
    if (!parsed.ok) throw new BackendError('invalid_file', `the shared copy of "${id}" does not hold a valid municipality (${parsed.problem})`);
    this.materialized.set(id, { heads, file: parsed.file });
    return parsed.file;
  }

  async live(id: string): Promise<LiveMunicipality> {
    const handle = await this.handleOf(id);
    const doc = handle.doc();
    const heads = A.getHeads(doc);
    return { file: this.fileOf(id, doc), heads, conflicts: this.conflictsAt(id, doc, heads.join(',')) };
  }

  private conflictsAt(id: string, doc: A.Doc<MunicipalityDoc>, heads: string): FieldConflict[] {
    const cached = this.conflicts.get(id);
    if (cached?.heads === heads) return cached.conflicts;
    const conflicts = conflictsOf(doc);
    this.conflicts.set(id, { heads, conflicts });
    return conflicts;
  }

  /**
   * Applies a change to the version the person saw (`baseHeads`), so a field someone else changed
   * in the meantime becomes a visible conflict instead of being silently overwritten.
   */
  async change(id: string, change: (current: MunicipalityFile) => MunicipalityFile, author: string, baseHeads?: readonly string[], settle: readonly FieldRef[] = []): Promise<LiveMunicipality> {
    const handle = await this.handleOf(id);
    const current = handle.doc();
    const base = baseHeads !== undefined && baseHeads.length > 0 && A.hasHeads(current, [...baseHeads]) ? [...baseHeads] : null;
    const atBase = base === null || base.join(',') === A.getHeads(current).join(',') ? current : A.view(current, base);
    const before = base === null || atBase === current ? this.fileOf(id, current) : this.validated(id, atBase);
    const after = change(before);
    const time = Math.floor(this.env.now().getTime() / 1000);
    const options: A.ChangeOptions<MunicipalityDoc> = { time };
    const actor = A.getActorId(current);
    const apply = (d: MunicipalityDoc) => {
      const what = patchDocument(d, before, after, author, actor);
      for (const ref of settle) if (settleField(d, ref, author)) what.push({ field: ref.field, ...(ref.itemId ? { item: ref.itemId } : {}), ...(ref.questionId ? { question: ref.questionId } : {}) });
      if (what.length === 0) return;
      d.revision.increment(1);
      d.fields.updatedAt = stamp(this.env.now().toISOString(), author);
      // Automerge reads the message after the callback, so it can name what the callback changed.
      options.message = changeMessage(author, what);
    };
    if (atBase === current) {
      handle.change(apply, options);
      // The document is now exactly `after` with the bookkeeping the change added: no need to read it back.
      const doc = handle.doc();
      const headsBefore = A.getHeads(current).join(',');
      const headsAfter = A.getHeads(doc).join(',');
      if (headsAfter !== headsBefore) {
        const updatedAt = unstamp(doc.fields.updatedAt).v;
        const known = { ...after, revision: Number(doc.revision.value), removedPackItemIds: [...after.removedPackItemIds].sort(), ...(typeof updatedAt === 'string' ? { updatedAt } : {}) };
        this.materialized.set(id, { heads: headsAfter, file: known });
        const previous = this.conflicts.get(id);
        if (previous?.heads === headsBefore) this.conflicts.set(id, { heads: headsAfter, conflicts: recheckConflicts(doc, previous.conflicts) });
      }
    } else handle.changeAt(encodeHeads(base!), apply, options);
    await this.repo.flush([handle.documentId]);
    if (after.name !== before.name) await this.changeDirectory((d) => setEntry(d, id, after.name, null, author));
    this.scheduleMirror(id);
    return this.live(id);
  }

  /** Applies the core's edits as one change by `author`; an edit the core refuses changes nothing. */
  async applyEdits(id: string, edits: readonly ChecklistEdit[], author: string, baseHeads?: readonly string[], settle: readonly FieldRef[] = []): Promise<LiveMunicipality> {
    try {
      return await this.change(id, (file) => edits.reduce((next, edit) => applyEdit(next, edit, this.env), file), author, baseHeads, settle);
    } catch (error) {
      if (error instanceof EditError) throw new BackendError('invalid_input', error.message);
      throw error;
    }
  }

  private validated(id: string, doc: A.Doc<MunicipalityDoc>): MunicipalityFile {
    const parsed = readDocument(doc);
    if (!parsed.ok) throw new BackendError('invalid_file', `the shared copy of "${id}" does not hold a valid municipality at the version you saw`);
    return parsed.file;
  }

  async changeLog(id: string, filter: LogFilter = {}): Promise<LogEntry[]> {
    const handle = await this.handleOf(id);
    const doc = handle.doc();
    return filterLog(readChangeLog(doc, this.fileOf(id, doc).createdAt), filter);
  }

  /** Looks at the shared folder now instead of at the next poll. */
  async pollFolder(): Promise<void> {
    await this.watcher?.poll();
  }

  async close(): Promise<void> {
    if (this.directoryTimer) clearTimeout(this.directoryTimer);
    await this.directoryLoading?.catch(() => undefined);
    this.watcher?.stop();
    for (const [id, timer] of this.mirrorTimers) {
      clearTimeout(timer);
      await this.mirror(id).catch(() => undefined);
    }
    this.mirrorTimers.clear();
    await this.repo.flush();
    if (this.directoryCacheTimer) {
      clearTimeout(this.directoryCacheTimer);
      await this.saveDirectoryCache();
    }
    await this.repo.shutdown();
    await this.chunks.settle();
  }

  // ── JSON: conversion on first open, and the mirror ────────────────────────

  /** Each JSON municipality without a document becomes one, after a JSON backup; the JSON stays. */
  private async convertJsonFiles(): Promise<void> {
    const known = new Set(this.entries().map((e) => e.id));
    const names = await readdir(path.join(this.location, 'municipalities')).catch(() => [] as string[]);
    // Shorter names first: "aarhus.json" is converted before its copy "aarhus-PCNAME.json" is tidied.
    for (const name of names.sort((a, b) => a.length - b.length || a.localeCompare(b))) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      // Converted before: not even read, so opening a large workspace stays quick.
      if (known.has(name.slice(0, -'.json'.length))) continue;
      const source = path.join(this.location, 'municipalities', name);
      const parsed = parseMunicipalityJson(await readFile(source, 'utf8').catch(() => ''), name);
      if (!parsed.ok) continue; // Opening it later quarantines it with the JSON layer's message.
      const file = parsed.value.file;
      if (`${file.id}.json` !== name) {
        // A copy a sync client made ("aarhus-PCNAME.json"): its content is already in the document.
        if (known.has(file.id)) await this.tidy(source, name);
        continue;
      }
      if (known.has(file.id) || (await listChunks(this.documentFolder(municipalityDocumentId(file.id)))).length > 0) continue;
      const backups = path.join(this.location, 'backups', file.id);
      await mkdir(backups, { recursive: true });
      await copyFile(source, path.join(backups, `${backupName(this.env.now()).replace(/\.json$/, '')}-before-engine.json`));
      await this.seed(file, '');
      known.add(file.id);
    }
  }

  private async tidy(source: string, name: string): Promise<void> {
    const folder = path.join(this.location, 'quarantine', 'sync-copies');
    await mkdir(folder, { recursive: true });
    await rename(source, path.join(folder, `${Date.now()}-${name}`)).catch(() => undefined);
  }

  private async seed(file: MunicipalityFile, author: string): Promise<MunicipalityFile> {
    const documentId = municipalityDocumentId(file.id);
    const handle = this.repo.import<MunicipalityDoc>(A.save(seedDocument(file, author)), { docId: documentId });
    await this.repo.flush([documentId]);
    await this.changeDirectory((d) => setEntry(d, file.id, file.name, null, author));
    this.handles.set(file.id, Promise.resolve(handle));
    handle.on('change', () => this.emit({ type: 'municipality', id: file.id }));
    await this.watcher?.track(documentId, this.documentFolder(documentId), (chunks) => this.mergeChunks(handle, chunks));
    return this.fileOf(file.id, handle.doc());
  }

  private scheduleMirror(id: string): void {
    const previous = this.mirrorTimers.get(id);
    if (previous) clearTimeout(previous);
    const timer = setTimeout(() => {
      this.mirrorTimers.delete(id);
      this.mirror(id).catch((error: unknown) => this.warn(`JSON copy of ${id} not written: ${String(error)}`));
    }, this.mirrorDelayMs);
    timer.unref?.();
    this.mirrorTimers.set(id, timer);
  }

  /** Writes the JSON copy through the JSON layer, which keeps its rotating backups. */
  private async mirror(id: string): Promise<void> {
    const { file } = await this.live(id);
    const onDisk = await this.json.stat(id);
    if (onDisk === null) await this.json.create(file);
    else {
      const { file: current } = await this.json.read(id);
      await this.json.update(id, current.revision, () => ({ ...file, revision: current.revision }));
    }
  }

  // ── the storage port ──────────────────────────────────────────────────────

  async listIds(): Promise<string[]> {
    return this.entries()
      .filter((e) => e.deletedAt === null)
      .map((e) => e.id)
      .sort();
  }

  async read(id: string): Promise<StoredMunicipality> {
    const { file } = await this.live(id);
    const recovery = this.recoveries.get(id);
    this.recoveries.delete(id);
    return recovery ? { file, migratedFrom: [], recovery } : { file, migratedFrom: [] };
  }

  async create(file: MunicipalityFile, author = ''): Promise<MunicipalityFile> {
    if (this.entries().some((e) => e.id === file.id) || (await listChunks(this.documentFolder(municipalityDocumentId(file.id)))).length > 0) {
      throw new BackendError('conflict', `a municipality with id "${file.id}" already exists`);
    }
    const created = await this.seed(file, author);
    this.scheduleMirror(file.id);
    return created;
  }

  /** Whole-file saves merge field by field too; the base revision is no longer a reason to refuse. */
  async write(file: MunicipalityFile, _baseRevision: number): Promise<MunicipalityFile> {
    return (await this.change(file.id, () => file, '')).file;
  }

  async update(id: string, _baseRevision: number, change: (current: MunicipalityFile) => MunicipalityFile): Promise<MunicipalityFile> {
    return (await this.change(id, change, '')).file;
  }

  /** Size and time of the document's newest chunk: any change writes a chunk, so both move. */
  async stat(id: string): Promise<{ size: number; mtimeMs: number } | null> {
    const folder = this.documentFolder(municipalityDocumentId(id));
    const names = await listChunks(folder);
    if (names.length === 0) return null;
    let size = 0;
    let mtimeMs = 0;
    for (const name of names) {
      const info = await stat(path.join(folder, name)).catch(() => null);
      if (info === null) continue;
      size += info.size;
      mtimeMs = Math.max(mtimeMs, info.mtimeMs);
    }
    return { size: size + names.length, mtimeMs };
  }

  async moveToTrash(id: string): Promise<void> {
    const entry = this.entries().find((e) => e.id === id && e.deletedAt === null);
    if (!entry) throw new BackendError('not_found', `the municipality "${id}" does not exist in this workspace`);
    await this.changeDirectory((d) => setEntry(d, id, entry.name, this.env.now().toISOString(), ''));
  }

  async restoreFromTrash(id: string): Promise<void> {
    const entry = this.entries().find((e) => e.id === id);
    if (!entry || entry.deletedAt === null) throw new BackendError('not_found', `"${id}" is not in the trash`);
    await this.changeDirectory((d) => setEntry(d, id, entry.name, null, ''));
  }

  async listTrash(): Promise<TrashEntry[]> {
    return this.entries()
      .filter((e): e is typeof e & { deletedAt: string } => e.deletedAt !== null)
      .map((e) => ({ id: e.id, name: e.name, deletedAt: e.deletedAt }))
      .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  listBackups(id: string): Promise<string[]> {
    return this.json.listBackups(id);
  }

  readIndex(): Promise<IndexEntry[]> {
    return this.json.readIndex();
  }

  writeIndex(entries: IndexEntry[]): Promise<void> {
    return this.json.writeIndex(entries);
  }

  /** Municipalities in the directory (deleted ones left out), for finding one by name. */
  listEntries(): { id: string; name: string }[] {
    return this.entries()
      .filter((e) => e.deletedAt === null)
      .map(({ id, name }) => ({ id, name }));
  }

  /** True when a connected peer with storage (the team server) reported having this document's current version. */
  async serverHas(id: string): Promise<boolean> {
    const handle = await this.handleOf(id);
    const heads = handle.heads().join(',');
    for (const peer of this.repo.peers) {
      const storageId = this.repo.getStorageIdOfPeer(peer);
      if (storageId === undefined) continue;
      if (handle.getSyncInfo(storageId)?.lastHeads.join(',') === heads) return true;
    }
    return false;
  }

  /** The directory document, for the team server's access checks. */
  directoryHandle(): Promise<DocHandle<DirectoryDoc>> {
    return this.directoryDoc();
  }
}

/** Opens (and on first open converts) a workspace on the engine; see docs/sync-interface.md. */
export function openEngine(options: EngineOptions): Promise<EngineWorkspace> {
  return EngineWorkspace.open(options);
}

export function isEngineWorkspace(storage: WorkspaceStorage): storage is EngineWorkspace {
  return storage instanceof EngineWorkspace;
}
