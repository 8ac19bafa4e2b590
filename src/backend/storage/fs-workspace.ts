import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Problem } from '../../core/schema/common';
import { parseMunicipalityJson, serializeMunicipality } from '../../core/schema/validate-municipality';
import { CURRENT_SCHEMA_VERSION, type MunicipalityFile } from '../../core/schema/municipality';
import { BackendError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-write';
import { backupName, backupsToDelete, DEFAULT_ROTATION, type RotationPolicy } from './backup-rotation';
import type { IndexEntry, StoredMunicipality, TrashEntry, WorkspaceStorage } from './port';
import { staysInside } from './inside-workspace';
import { removeLeftoverTempFiles } from './leftovers';
import { asStorageError } from './storage-errors';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

const indexSchema = z.object({
  schemaVersion: z.literal(1),
  entries: z.array(z.object({ id: z.string(), size: z.number(), mtimeMs: z.number(), day: z.string(), summary: z.unknown(), portfolio: z.unknown().optional() })),
});

const trashMetaSchema = z.object({ id: z.string(), name: z.string(), deletedAt: z.string() });

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** A damaged or unreadable trash note is skipped, not fatal: the trash list still opens. */
async function readJsonOrNull(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** The schema version a newer Milepæl wrote, or null: such a file is not damaged, only not for us. */
function newerSchemaVersion(text: string): number | null {
  try {
    const raw: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    const version = typeof raw === 'object' && raw !== null && 'schemaVersion' in raw ? raw.schemaVersion : undefined;
    return typeof version === 'number' && version > CURRENT_SCHEMA_VERSION ? version : null;
  } catch {
    return null;
  }
}

/**
 * A workspace folder on disk:
 *   index.json                    summaries for the start screen (a cache; rebuilt when stale)
 *   municipalities/<id>.json      one file per municipality
 *   backups/<id>/<timestamp>.json rotating copies taken before each overwrite or migration
 *   quarantine/<id>.<timestamp>.json  files that failed to parse or validate, kept as they were
 *   trash/<id>.json (+ .meta.json)    deleted municipalities, restorable
 */
export class FsWorkspace implements WorkspaceStorage {
  /** Saves of one file run one after another, so the revision check and the write are one step. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Temporary files of saves that were interrupted are removed once, before the first listing. */
  private leftoversRemoved: Promise<void> | null = null;

  constructor(
    readonly location: string,
    private readonly now: () => Date = () => new Date(),
    private readonly rotation: RotationPolicy = DEFAULT_ROTATION,
  ) {}

  private dir(...parts: string[]): string {
    return path.join(this.location, ...parts);
  }

  private fileOf(id: string): string {
    if (!ID.test(id)) throw new BackendError('invalid_input', `"${id}" is not a valid municipality id`);
    return this.dir('municipalities', `${id}.json`);
  }

  /** Refuses to go through a link that leads out of the workspace. */
  private async mustStayInside(target: string): Promise<void> {
    if (!(await staysInside(this.location, target))) {
      const relative = path.relative(this.location, target);
      throw new BackendError(
        'storage',
        `${relative} er et link, der peger ud af arbejdsmappen; Milepæl læser og skriver ikke igennem det. Fjern linket. (${relative} is a link that leads out of the workspace.)`,
      );
    }
  }

  private serial<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const plainWork = () => work().catch((error: unknown) => Promise.reject(asStorageError(error)));
    const next = previous.then(plainWork, plainWork);
    this.queues.set(id, next.catch(() => undefined));
    return next;
  }

  async listIds(): Promise<string[]> {
    this.leftoversRemoved ??= removeLeftoverTempFiles([this.location, this.dir('municipalities'), this.dir('trash')]);
    await this.leftoversRemoved;
    try {
      const names = await readdir(this.dir('municipalities'));
      return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -5)).filter((id) => ID.test(id)).sort();
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  async stat(id: string): Promise<{ size: number; mtimeMs: number } | null> {
    try {
      const s = await stat(this.fileOf(id));
      return { size: s.size, mtimeMs: s.mtimeMs };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  read(id: string): Promise<StoredMunicipality> {
    return this.serial(id, () => this.readUnlocked(id));
  }

  private async readUnlocked(id: string): Promise<StoredMunicipality> {
    const target = this.fileOf(id);
    let text: string;
    try {
      await this.mustStayInside(target);
      text = await readFile(target, 'utf8');
    } catch (error) {
      if (isNotFound(error)) throw new BackendError('not_found', `the municipality "${id}" does not exist in this workspace`);
      throw error;
    }
    const parsed = parseMunicipalityJson(text, `${id}.json`);
    if (parsed.ok) {
      const { file, migratedFrom } = parsed.value;
      if (file.id !== id) throw new BackendError('invalid_file', `${id}.json holds municipality "${file.id}"; rename the file to ${file.id}.json`);
      if (migratedFrom.length > 0) {
        await this.backup(id);
        await writeFileAtomic(target, serializeMunicipality(file));
      }
      return { file, migratedFrom };
    }
    const newer = newerSchemaVersion(text);
    if (newer !== null) {
      // Left exactly as it is: quarantining it or restoring a backup would roll back a colleague's newer work.
      throw new BackendError('newer_version', `${id}.json was written by a newer version of Milepæl (schema ${newer}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Milepæl to open it. The file has not been changed.`, parsed.problems);
    }
    return this.recover(id, parsed.problems);
  }

  private async recover(id: string, problems: Problem[]): Promise<StoredMunicipality> {
    await this.mustStayInside(this.dir('quarantine'));
    await mkdir(this.dir('quarantine'), { recursive: true });
    const quarantinedAs = this.dir('quarantine', `${id}.${backupName(this.now())}`);
    await rename(this.fileOf(id), quarantinedAs);
    for (const name of (await this.listBackups(id)).reverse()) {
      const text = await readFile(this.dir('backups', id, name), 'utf8');
      const candidate = parseMunicipalityJson(text);
      if (candidate.ok && candidate.value.file.id === id) {
        await writeFileAtomic(this.fileOf(id), serializeMunicipality(candidate.value.file));
        return { file: candidate.value.file, migratedFrom: candidate.value.migratedFrom, recovery: { quarantinedAs, restoredFrom: name, problems } };
      }
    }
    throw new BackendError(
      'invalid_file',
      `${id}.json could not be read and there is no valid backup. The damaged file was moved to ${quarantinedAs}.`,
      problems,
    );
  }

  create(file: MunicipalityFile): Promise<MunicipalityFile> {
    return this.serial(file.id, async () => {
      await this.mustStayInside(this.dir('municipalities'));
      await mkdir(this.dir('municipalities'), { recursive: true });
      if ((await this.stat(file.id)) !== null) throw new BackendError('conflict', `a municipality with id "${file.id}" already exists`);
      await writeFileAtomic(this.fileOf(file.id), serializeMunicipality(file));
      return file;
    });
  }

  write(file: MunicipalityFile, baseRevision: number): Promise<MunicipalityFile> {
    return this.update(file.id, baseRevision, () => file);
  }

  update(id: string, baseRevision: number, change: (current: MunicipalityFile) => MunicipalityFile): Promise<MunicipalityFile> {
    return this.serial(id, async () => {
      const current = await this.readUnlocked(id);
      if (current.file.revision !== baseRevision) {
        throw new BackendError(
          'conflict',
          `${current.file.name} was changed elsewhere (in another window or outside Milepæl) since you opened it: your copy is revision ${baseRevision}, the saved one is ${current.file.revision}. Reopen it to see the latest version.`,
        );
      }
      const saved: MunicipalityFile = { ...change(current.file), revision: baseRevision + 1, updatedAt: this.now().toISOString() };
      await this.backup(id);
      await writeFileAtomic(this.fileOf(id), serializeMunicipality(saved));
      return saved;
    });
  }

  /** Copies the current file into its backup folder, then prunes by the rotation policy. */
  private async backup(id: string): Promise<void> {
    const folder = this.dir('backups', id);
    await this.mustStayInside(folder);
    await mkdir(folder, { recursive: true });
    let name = backupName(this.now());
    const existing = await readdir(folder);
    // Two saves in the same millisecond must not overwrite each other's backup.
    for (let bump = 1; existing.includes(name); bump++) name = backupName(new Date(this.now().getTime() + bump));
    await copyFile(this.fileOf(id), path.join(folder, name));
    for (const old of backupsToDelete([...existing, name], this.now(), this.rotation)) await rm(path.join(folder, old), { force: true });
  }

  async listBackups(id: string): Promise<string[]> {
    try {
      if (!(await staysInside(this.location, this.dir('backups', id)))) return [];
      return (await readdir(this.dir('backups', id))).filter((n) => n.endsWith('.json')).sort();
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  moveToTrash(id: string): Promise<void> {
    return this.serial(id, async () => {
      const { file } = await this.readUnlocked(id);
      await this.mustStayInside(this.dir('trash'));
      await mkdir(this.dir('trash'), { recursive: true });
      await writeFileAtomic(this.dir('trash', `${id}.meta.json`), JSON.stringify({ id, name: file.name, deletedAt: this.now().toISOString() }));
      await rename(this.fileOf(id), this.dir('trash', `${id}.json`));
    });
  }

  restoreFromTrash(id: string): Promise<void> {
    return this.serial(id, async () => {
      if ((await this.stat(id)) !== null) throw new BackendError('conflict', `a municipality with id "${id}" is already in the workspace`);
      try {
        await this.mustStayInside(this.dir('trash', `${id}.json`));
        await mkdir(this.dir('municipalities'), { recursive: true });
        await rename(this.dir('trash', `${id}.json`), this.fileOf(id));
      } catch (error) {
        if (isNotFound(error)) throw new BackendError('not_found', `"${id}" is not in the trash`);
        throw error;
      }
      await rm(this.dir('trash', `${id}.meta.json`), { force: true });
    });
  }

  async listTrash(): Promise<TrashEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir('trash'));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
    const entries: TrashEntry[] = [];
    for (const name of names.filter((n) => n.endsWith('.meta.json'))) {
      const meta = trashMetaSchema.safeParse(await readJsonOrNull(this.dir('trash', name)));
      if (meta.success) entries.push(meta.data);
    }
    return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  async readIndex(): Promise<IndexEntry[]> {
    try {
      const parsed = indexSchema.safeParse(JSON.parse(await readFile(this.dir('index.json'), 'utf8')));
      // A damaged index is only a cache: rebuilding it loses nothing.
      return parsed.success ? parsed.data.entries : [];
    } catch {
      return [];
    }
  }

  /** Best effort: on a read-only share or a full disk the list works without its cache. */
  async writeIndex(entries: IndexEntry[]): Promise<void> {
    try {
      await mkdir(this.location, { recursive: true });
      await writeFileAtomic(this.dir('index.json'), JSON.stringify({ schemaVersion: 1, entries }));
    } catch {
      // The index is rebuilt from the files whenever it is missing or stale.
    }
  }
}
